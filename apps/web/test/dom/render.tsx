import type { Role, SessionAnswer } from '@ecs-console/contract';
import type { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '@/app/providers';
import { createQueryClient } from '@/app/query-client';
import { Notifications, useConsoleWarningNotifications } from '@/components/notifications';
import { SESSION_QUERY_KEY, SessionContext } from '@/lib/session';

export function makeSession(role: Role = 'admin', username = 'root'): SessionAnswer {
  return {
    user: { username, role },
    expiresAt: '2099-01-01T00:00:00.000Z',
    backend: { kind: 'emulator', defaultRegion: 'cn-hangzhou' },
  };
}

function Shell({ children }: { readonly children: ReactNode }) {
  useConsoleWarningNotifications();
  return (
    <>
      <Notifications />
      {children}
    </>
  );
}

/**
 * Renders `ui` as the signed-in console does: query client, translations, notifications (shown above
 * the page), the session and a router. Returns Testing Library's queries and a user to act with.
 */
export interface ConsoleRender extends RenderResult {
  readonly user: UserEvent;
  readonly queryClient: QueryClient;
}

export function renderInConsole(
  ui: ReactNode,
  { session = makeSession(), initialUrl = '/' }: { session?: SessionAnswer; initialUrl?: string } = {},
): ConsoleRender {
  const queryClient = createQueryClient();
  queryClient.setQueryData(SESSION_QUERY_KEY, session);
  const user = userEvent.setup();
  const result = render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[initialUrl]}>
        <SessionContext value={session}>
          <Shell>{ui}</Shell>
        </SessionContext>
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...result, user, queryClient };
}
