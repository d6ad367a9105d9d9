import type { FleetAnswer, InstanceSummary, Role } from '@ecs-console/contract';
import { configure, fireEvent, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { InstanceListPage } from '@/features/instances';
import { makeInstance } from '../fixtures';
import { stubApi } from './fetch-stub';
import { makeSession, renderInConsole, type ConsoleRender } from './render';

// A page of 50 rows takes a while to render on a busy machine; waits end as soon as their condition holds.
configure({ asyncUtilTimeout: 10_000 });

/** Shared by the resource-list tests: the instance list is the block's first user. */
export const FLEET_PATH = 'GET /api/regions/cn-hangzhou/instances';

export function fleetAnswer(instances: readonly InstanceSummary[], regionId = 'cn-hangzhou'): FleetAnswer {
  return {
    regionId,
    instances,
    totalCount: instances.length,
    pages: 1,
    fetchedAt: '2026-11-30T10:00:00.000Z',
    version: 'v1',
  };
}

/** `count` instances `i-n000`…, named `node-000`…, `env=prod` for even numbers, `staging` for odd. */
export function numberedInstances(count: number): InstanceSummary[] {
  return Array.from({ length: count }, (_, index) => {
    const n = String(index).padStart(3, '0');
    return makeInstance({
      InstanceId: `i-n${n}`,
      InstanceName: `node-${n}`,
      Status: index % 3 === 0 ? 'Stopped' : 'Running',
      tags: { env: index % 2 === 0 ? 'prod' : 'staging' },
    });
  });
}

/** The address the router is at, shown so a test can read it. */
function LocationProbe() {
  const { pathname, search } = useLocation();
  return <output aria-label="Current address">{pathname + search}</output>;
}

function InstancePageStub() {
  const navigate = useNavigate();
  return (
    <>
      <h1>Instance page</h1>
      <button type="button" onClick={() => void navigate(-1)}>
        Back
      </button>
    </>
  );
}

/** The list at `/instances` (and a stand-in instance page), from `url`, with the fleet stubbed. */
export async function renderListAt(
  url: string,
  instances: readonly InstanceSummary[],
  {
    role = 'operator',
    username = 'root',
    regionId = 'cn-hangzhou',
    waitForRows = true,
  }: { role?: Role; username?: string; regionId?: string; waitForRows?: boolean } = {},
): Promise<ConsoleRender & { readonly api: ReturnType<typeof stubApi> }> {
  const api = stubApi({
    [`GET /api/regions/${regionId}/instances`]: () => Response.json(fleetAnswer(instances, regionId)),
  });
  const rendered = renderInConsole(
    <Routes>
      <Route
        path="/instances"
        element={
          <>
            <InstanceListPage />
            <LocationProbe />
          </>
        }
      />
      <Route path="/instances/:regionId/:instanceId" element={<InstancePageStub />} />
    </Routes>,
    { session: makeSession(role, username), initialUrl: url },
  );
  if (waitForRows) await screen.findAllByRole('link', { name: /^i-/ });
  return { api, ...rendered };
}

/** The address the list is at now, parsed. */
export function currentAddress(): URL {
  return new URL(screen.getByRole('status', { name: 'Current address' }).textContent ?? '', 'http://console.test');
}

export const filterBox = () => screen.getByRole('combobox', { name: 'Filter instances' });

/**
 * Enter in the filter. Cloudscape reads the key's `keyCode`, which user-event leaves out under
 * happy-dom, so the key is dispatched with it.
 */
export function pressEnterInFilter(): void {
  fireEvent.keyDown(filterBox(), { key: 'Enter', code: 'Enter', keyCode: 13 });
}

/** Types into the filter and takes the typed text as it is (the "Use: …" suggestion). */
export async function applyFilterText(user: UserEvent, text: string): Promise<void> {
  await user.type(filterBox(), text);
  await user.click(await screen.findByRole('option', { name: `Use: "${text}"` }));
}
