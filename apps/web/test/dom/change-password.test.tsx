import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { TopBar } from '@/app/layout/TopBar';
import { AppProviders } from '@/app/providers';
import { createQueryClient } from '@/app/query-client';
import { Notifications } from '@/components/notifications';
import { SESSION_QUERY_KEY, SessionContext } from '@/lib/session';
import { apiError, stubApi, type SentRequest } from './fetch-stub';
import { makeSession } from './render';

/** The top bar reads the route's matches (its region), which only a data router has. */
function renderTopBar() {
  const session = makeSession('viewer', 'carol');
  const queryClient = createQueryClient();
  queryClient.setQueryData(SESSION_QUERY_KEY, session);
  const router = createMemoryRouter([
    {
      path: '*',
      element: (
        <SessionContext value={session}>
          <Notifications />
          <TopBar />
        </SessionContext>
      ),
    },
  ]);
  const user = userEvent.setup();
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { user };
}

const regions = () =>
  Response.json({ RequestId: 'R', Regions: { Region: [{ RegionId: 'cn-hangzhou', LocalName: 'Hangzhou' }] } });

async function openDialog(routes: Record<string, ((request: SentRequest) => Response) | Response>) {
  const api = stubApi({ 'POST /api/ecs/DescribeRegions': regions, ...routes });
  const rendered = renderTopBar();
  await rendered.user.click(screen.getByRole('button', { name: 'User menu for carol' }));
  await rendered.user.click(await screen.findByRole('menuitem', { name: 'Change password' }));
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByText('Change your password')).toBeInTheDocument();
  return { api, dialog, ...rendered };
}

async function fill(
  user: UserEvent,
  dialog: HTMLElement,
  values: { current: string; next: string; confirmation: string },
) {
  if (values.current) await user.type(within(dialog).getByLabelText('Current password'), values.current);
  if (values.next) await user.type(within(dialog).getByLabelText('New password'), values.next);
  if (values.confirmation) {
    await user.type(within(dialog).getByLabelText('Confirm the new password'), values.confirmation);
  }
  await user.click(within(dialog).getByRole('button', { name: 'Change password' }));
}

describe('changing your own password (user menu)', () => {
  it('sends the current and the new password and reports success', async () => {
    const { api, dialog, user } = await openDialog({
      'PUT /api/session/password': new Response(null, { status: 204 }),
    });
    await fill(user, dialog, {
      current: 'the old password',
      next: 'a brand new password',
      confirmation: 'a brand new password',
    });

    expect(await screen.findByText('Your password was changed.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [request] = api.to('PUT /api/session/password');
    expect(request?.body).toEqual({ currentPassword: 'the old password', newPassword: 'a brand new password' });
    expect(request?.headers.get('x-requested-with')).toBe('ecs-console');
  });

  it('checks the rules before sending: current given, 12+ characters, not only spaces, new ≠ current, confirmed', async () => {
    const { api, dialog, user } = await openDialog({});
    await fill(user, dialog, { current: '', next: 'too short', confirmation: 'different' });
    expect(within(dialog).getByText('Enter your current password.')).toBeInTheDocument();
    expect(within(dialog).getByText('Use at least 12 characters.')).toBeInTheDocument();
    expect(within(dialog).getByText('The passwords do not match.')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Current password'), 'same password 1');
    await user.clear(within(dialog).getByLabelText('New password'));
    await user.type(within(dialog).getByLabelText('New password'), 'same password 1');
    expect(within(dialog).getByText('Choose a password different from the current one.')).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText('New password'));
    await user.type(within(dialog).getByLabelText('New password'), ' '.repeat(16));
    expect(within(dialog).getByText('Use more than spaces.')).toBeInTheDocument();
    expect(api.to('PUT /api/session/password')).toEqual([]);
  });

  it('keeps a wrong current password in view, with code and RequestId', async () => {
    const { dialog, user } = await openDialog({
      'PUT /api/session/password': apiError(403, 'WrongPassword', 'The current password is not right.', 'BFF-77'),
    });
    await fill(user, dialog, {
      current: 'not my password',
      next: 'a brand new password',
      confirmation: 'a brand new password',
    });

    const alert = await within(dialog).findByText('WrongPassword');
    expect(alert).toBeInTheDocument();
    expect(within(dialog).getByText('BFF-77')).toBeInTheDocument();
    expect(within(dialog).getAllByText('The current password is not right.').length).toBeGreaterThan(0);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it("shows the server's WeakPassword message as it is", async () => {
    const message = 'This password is one of the most common ones; choose another.';
    const { dialog, user } = await openDialog({
      'PUT /api/session/password': apiError(400, 'WeakPassword', message, 'BFF-78'),
    });
    await fill(user, dialog, { current: 'the old password', next: 'password1234', confirmation: 'password1234' });

    expect(await within(dialog).findByText(message)).toBeInTheDocument();
    expect(within(dialog).getByText('WeakPassword')).toBeInTheDocument();
    expect(within(dialog).getByText('Your password could not be changed')).toBeInTheDocument();
  });
});
