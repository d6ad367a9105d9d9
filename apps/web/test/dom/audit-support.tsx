import type { AuditAnswer, StoredAuditEntry, UsersAnswer } from '@ecs-console/contract';
import { configure, screen } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { AuditPage } from '@/features/audit';
import { stubApi, type SentRequest } from './fetch-stub';
import { renderInConsole, type ConsoleRender } from './render';

// A page of rows takes a while to render on a busy machine; waits end as soon as their condition holds.
configure({ asyncUtilTimeout: 10_000 });

export function auditEntry(overrides: Partial<StoredAuditEntry> = {}): StoredAuditEntry {
  return {
    id: '1',
    time: '2026-11-30T10:00:00.000Z',
    user: 'root',
    role: 'admin',
    event: 'action',
    action: 'StopInstance',
    regionId: 'cn-hangzhou',
    resourceIds: ['i-web1'],
    params: { ForceStop: true },
    outcome: 'success',
    requestId: 'ECS-1',
    sourceIp: '10.0.0.8',
    ...overrides,
  };
}

/** `count` entries with ids `from`, `from-1`, … (newest first), a second apart. */
export function numberedEntries(count: number, from: number): StoredAuditEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const id = from - index;
    return auditEntry({
      id: String(id),
      time: new Date(Date.parse('2026-11-30T10:00:00.000Z') + id * 1000).toISOString(),
      resourceIds: [`i-web${id}`],
      requestId: `REQ-${id}`,
    });
  });
}

const USERS: UsersAnswer = {
  users: [
    { username: 'root', role: 'admin', createdAt: '2026-01-01T00:00:00.000Z' },
    { username: 'alice', role: 'operator', createdAt: '2026-01-01T00:00:00.000Z' },
  ],
};

/** The address the router is at, shown so a test can read it. */
function LocationProbe() {
  const { pathname, search } = useLocation();
  return <output aria-label="Current address">{pathname + search}</output>;
}

export function currentAddress(): URL {
  return new URL(screen.getByRole('status', { name: 'Current address' }).textContent ?? '', 'http://console.test');
}

/** The query of a request the page sent. */
export function queryOf(request: SentRequest | undefined): Record<string, string> {
  return Object.fromEntries(new URL(request?.path ?? '', 'http://console.test').searchParams);
}

/**
 * The audit page at `url`, `GET /api/audit` answered by `list` from the request's query (an answer,
 * or a Response such as an error), `GET /api/users` with two users, and any `routes` more.
 */
export function renderAuditAt(
  url: string,
  list: (query: Record<string, string>) => AuditAnswer | Response,
  routes: Record<string, Response | ((request: SentRequest) => Response)> = {},
): ConsoleRender & { readonly api: ReturnType<typeof stubApi> } {
  const api = stubApi({
    'GET /api/audit': (request) => {
      const answer = list(queryOf(request));
      return answer instanceof Response ? answer : Response.json(answer);
    },
    'GET /api/users': Response.json(USERS),
    ...routes,
  });
  const rendered = renderInConsole(
    <Routes>
      <Route
        path="/audit"
        element={
          <>
            <AuditPage />
            <LocationProbe />
          </>
        }
      />
    </Routes>,
    { initialUrl: url },
  );
  return { ...rendered, api };
}
