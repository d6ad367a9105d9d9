import type { FleetAnswer } from '@ecs-console/contract';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InstanceListPage } from '@/features/instances';
import { apiError, stubApi } from './fetch-stub';
import { makeSession, renderInConsole } from './render';
import { FLEET_PATH, fleetAnswer, numberedInstances } from './resource-list-support';

const heading = () => screen.getByRole('heading', { level: 1 });

function renderList() {
  return renderInConsole(<InstanceListPage />, { session: makeSession('operator'), initialUrl: '/instances' });
}

describe('counts and empty states only for data that loaded', () => {
  it('shows no count and no empty state while loading', async () => {
    stubApi({ [FLEET_PATH]: () => new Promise<Response>(() => undefined) });
    renderList();
    expect((await screen.findAllByText('Loading instances…'))[0]).toBeInTheDocument();
    expect(heading()).toHaveTextContent(/^Instances$/);
    expect(screen.queryByText('No instances')).not.toBeInTheDocument();
  });

  it('shows a failed first load as the error, not as an empty region, and loads on Retry', async () => {
    let failing = true;
    stubApi({
      [FLEET_PATH]: () =>
        failing
          ? apiError(403, 'Forbidden.RAM', 'User not authorized to operate on the specified resource.', 'REQ-RAM-1')
          : Response.json(fleetAnswer(numberedInstances(2))),
    });
    const { user } = renderList();
    expect(await screen.findByText('The instances of cn-hangzhou could not be loaded')).toBeInTheDocument();
    expect(screen.getByText('Forbidden.RAM')).toBeInTheDocument();
    expect(screen.getByText('REQ-RAM-1')).toBeInTheDocument();
    expect(screen.getByText('Could not load')).toBeInTheDocument();
    expect(screen.queryByText('No instances')).not.toBeInTheDocument();
    expect(heading()).not.toHaveTextContent('(0)');
    expect(heading()).toHaveTextContent(/^Instances$/);

    failing = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('node-001')).toBeInTheDocument();
    expect(heading()).toHaveTextContent('(2)');
    expect(screen.queryByText('Forbidden.RAM')).not.toBeInTheDocument();
  });

  it('says a region with no instances is empty, with its count', async () => {
    stubApi({ [FLEET_PATH]: () => Response.json(fleetAnswer([])) });
    renderList();
    expect(await screen.findByText('No instances')).toBeInTheDocument();
    expect(heading()).toHaveTextContent('(0)');
  });

  it('keeps the last rows after a failed refresh, with the error and how old they are', async () => {
    let answer: () => Response = () => Response.json(fleetAnswer(numberedInstances(2)) satisfies FleetAnswer);
    stubApi({ [FLEET_PATH]: () => answer() });
    const { user } = renderList();
    await screen.findByText('node-001');
    expect(screen.getByText(/^Updated /)).toBeInTheDocument();

    answer = () => apiError(403, 'Forbidden.RAM', 'Not authorized.', 'REQ-RAM-2');
    await user.click(screen.getByRole('button', { name: 'Refresh instances' }));
    expect(await screen.findByText(/The list could not be refreshed; it shows what was loaded at/)).toBeInTheDocument();
    expect(screen.getByText('REQ-RAM-2')).toBeInTheDocument();
    expect(screen.getByText(/^Stale since /)).toBeInTheDocument();
    expect(screen.getByText('node-001')).toBeInTheDocument();
    await waitFor(() => expect(heading()).toHaveTextContent('(2)'));
  });
});
