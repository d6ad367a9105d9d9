import { RouterProvider, createMemoryRouter } from 'react-router';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '@/app/providers';
import { createQueryClient } from '@/app/query-client';
import { routes } from '@/app/routes';
import { apiError, stubApi } from './fetch-stub';
import { makeSession } from './render';

/** Pages are loaded on first visit; the first import of a feature takes a while under Vitest. */
const PAGE_LOAD = { timeout: 15_000 };

/** The whole console (routes, session, layout) at `url`, with a router the test can read. */
function renderConsoleAt(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const user = userEvent.setup();
  render(
    <AppProviders queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  const here = () => router.state.location.pathname + router.state.location.search;
  return { router, user, here };
}

const USERS = { users: [{ username: 'alice', role: 'viewer', createdAt: '2026-02-01T00:00:00.000Z' }] };

describe('session expiry', () => {
  it('sends a 401 to the login page, which says the session expired, and back to the same URL after signing in', async () => {
    let signedIn = true;
    stubApi({
      'GET /api/session': () =>
        signedIn ? Response.json(makeSession()) : apiError(401, 'Unauthenticated', 'No session.'),
      'POST /api/session': () => {
        signedIn = true;
        return Response.json(makeSession());
      },
      // The session ends (expired, or revoked in another tab) before the list is read.
      'GET /api/users': () => {
        signedIn = false;
        return apiError(401, 'Unauthenticated', 'No session.');
      },
    });
    const { user, here } = renderConsoleAt('/users?sort=username&page=2');

    expect(await screen.findByText('Your session expired; sign in again.', {}, PAGE_LOAD)).toBeInTheDocument();
    expect(here()).toBe(`/login?next=${encodeURIComponent('/users?sort=username&page=2')}`);
    expect(document.title).toBe('Sign in · ECS Console');

    stubApi({
      'GET /api/session': () =>
        signedIn ? Response.json(makeSession()) : apiError(401, 'Unauthenticated', 'No session.'),
      'POST /api/session': () => {
        signedIn = true;
        return Response.json(makeSession());
      },
      'GET /api/users': () => Response.json(USERS),
    });
    await user.type(screen.getByLabelText('User name'), 'root');
    await user.type(screen.getByLabelText('Password'), 'a-long-password{Enter}');

    expect(await screen.findByText('alice', {}, PAGE_LOAD)).toBeInTheDocument();
    expect(here()).toBe('/users?sort=username&page=2');
    await waitFor(() => expect(document.title).toBe('Users · ECS Console'));
  });

  it('says nothing of expiry to someone who was not signed in', async () => {
    stubApi({ 'GET /api/session': apiError(401, 'Unauthenticated', 'No session.') });
    const { here } = renderConsoleAt('/audit?user=alice');
    expect(await screen.findByRole('button', { name: 'Sign in' }, PAGE_LOAD)).toBeInTheDocument();
    expect(here()).toBe(`/login?next=${encodeURIComponent('/audit?user=alice')}`);
    expect(screen.queryByText('Your session expired; sign in again.')).not.toBeInTheDocument();
  });
});

describe('page titles and the skip link', () => {
  it.each([
    ['/instances/cn-hangzhou/i-bp1abc', 'i-bp1abc · Instances · ECS Console'],
    ['/disks', 'Disks · ECS Console'],
    ['/snapshots', 'Snapshots · ECS Console'],
    ['/security-groups', 'Security groups · ECS Console'],
    ['/no/such/page', 'Page not found · ECS Console'],
  ])('titles %s "%s"', async (url, title) => {
    stubApi({ 'GET /api/session': () => Response.json(makeSession()) });
    renderConsoleAt(url);
    await waitFor(() => expect(document.title).toBe(title), PAGE_LOAD);
  });

  it('offers "Skip to main content" as the first thing Tab reaches, and it moves focus to the page', async () => {
    stubApi({ 'GET /api/session': () => Response.json(makeSession()) });
    const { user } = renderConsoleAt('/disks');
    await screen.findByRole('heading', { level: 1, name: 'Disks' }, PAGE_LOAD);
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveFocus();
    await user.click(skip);
    expect(document.getElementById('main-content')).toHaveFocus();
    expect(document.getElementById('main-content')).toContainElement(
      screen.getByRole('heading', { level: 1, name: 'Disks' }),
    );
  });
});
