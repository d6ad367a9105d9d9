import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InstanceActions } from '@/features/instances/components/InstanceActions';
import { makeInstance } from '../fixtures';
import { apiError, stubApi } from './fetch-stub';
import { makeSession, renderInConsole } from './render';

const web1 = makeInstance({ InstanceId: 'i-web1', InstanceName: 'web-1', Status: 'Running' });
const web2 = makeInstance({ InstanceId: 'i-web2', InstanceName: 'web-2', Status: 'Running' });
const stopped = makeInstance({ InstanceId: 'i-old', InstanceName: 'old', Status: 'Stopped' });

const ok = (requestId: string) => () => Response.json({ RequestId: requestId });

async function openAction(user: ReturnType<typeof renderInConsole>['user'], item: string) {
  await user.click(screen.getByRole('button', { name: 'Instance state' }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
  return screen.findByRole('dialog');
}

describe('stop and reboot dialogs', () => {
  it('stops every selected instance with the chosen options and reports each RequestId', async () => {
    const api = stubApi({ 'POST /api/ecs/StopInstance': ok('STOP-REQ-1') });
    const { user } = renderInConsole(<InstanceActions instances={[web1, web2]} />, {
      session: makeSession('operator'),
    });

    const dialog = await openAction(user, 'Stop');
    expect(within(dialog).getByText('Stop 2 instances')).toBeInTheDocument();
    expect(within(dialog).getByText('i-web1')).toBeInTheDocument();
    expect(within(dialog).getByText('i-web2')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: /Stop charging/i }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Force stop/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Stop' }));

    // One summary for the batch, not one message per instance.
    expect(await screen.findByText('2 stopping')).toBeInTheDocument();
    expect(screen.queryByText('Stop requested for i-web1 (web-1)')).not.toBeInTheDocument();
    const bodies = api.to('POST /api/ecs/StopInstance').map((request) => request.body);
    expect(bodies).toHaveLength(2);
    expect(bodies).toEqual(
      expect.arrayContaining([
        { RegionId: 'cn-hangzhou', InstanceId: 'i-web1', ForceStop: true, StoppedMode: 'StopCharging' },
        { RegionId: 'cn-hangzhou', InstanceId: 'i-web2', ForceStop: true, StoppedMode: 'StopCharging' },
      ]),
    );
    expect(api.to('POST /api/ecs/StopInstance')[0]?.headers.get('x-requested-with')).toBe('ecs-console');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('confirms a reboot with Enter', async () => {
    const api = stubApi({ 'POST /api/ecs/RebootInstance': ok('REBOOT-REQ-1') });
    const { user } = renderInConsole(<InstanceActions instances={[web1]} />, { session: makeSession('operator') });

    const dialog = await openAction(user, 'Reboot');
    await user.click(within(dialog).getByRole('checkbox', { name: /Force reboot/ }));
    await user.keyboard('{Enter}');

    expect(await screen.findByText('Reboot requested for i-web1 (web-1)')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/RebootInstance').map((request) => request.body)).toEqual([
      { RegionId: 'cn-hangzhou', InstanceId: 'i-web1', ForceStop: true },
    ]);
  });

  it('sends nothing when the dialog is cancelled', async () => {
    const api = stubApi({});
    const { user } = renderInConsole(<InstanceActions instances={[web1]} />, { session: makeSession('operator') });
    const dialog = await openAction(user, 'Stop');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.sent).toEqual([]);
  });
});

describe('delete dialog (typed confirmation)', () => {
  it('stays disabled until the instance ID is typed and Force is ticked for a running instance', async () => {
    const api = stubApi({ 'POST /api/ecs/DeleteInstance': ok('DEL-REQ-1') });
    const { user } = renderInConsole(<InstanceActions instances={[web1]} />);

    const dialog = await openAction(user, 'Delete');
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox'), 'i-web');
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox'), '1');
    // Typed right, but the instance is running: Force must be ticked explicitly.
    expect(confirm).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(api.sent).toEqual([]);

    await user.click(within(dialog).getByRole('checkbox', { name: /Force delete/ }));
    expect(confirm).toBeEnabled();
    await user.click(confirm);

    expect(await screen.findByText('Delete requested for i-web1 (web-1)')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/DeleteInstance').map((request) => request.body)).toEqual([
      { RegionId: 'cn-hangzhou', InstanceId: 'i-web1', Force: true },
    ]);
  });

  it('asks for the number of instances when several are selected, and sends Force false for stopped ones', async () => {
    const api = stubApi({ 'POST /api/ecs/DeleteInstance': ok('DEL-REQ-2') });
    const stopped2 = makeInstance({ InstanceId: 'i-old2', InstanceName: 'old-2', Status: 'Stopped' });
    const { user } = renderInConsole(<InstanceActions instances={[stopped, stopped2]} />);

    const dialog = await openAction(user, 'Delete');
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox'), '2{Enter}');

    expect(await screen.findByText('2 deleted')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/DeleteInstance').map((request) => request.body)).toEqual(
      expect.arrayContaining([
        { RegionId: 'cn-hangzhou', InstanceId: 'i-old', Force: false },
        { RegionId: 'cn-hangzhou', InstanceId: 'i-old2', Force: false },
      ]),
    );
  });
});

describe('results of an action', () => {
  it("shows a failure with ECS's code, message and RequestId", async () => {
    stubApi({
      'POST /api/ecs/RebootInstance': apiError(
        403,
        'IncorrectInstanceStatus',
        'The current status of the resource does not support this operation.',
        'ECS-REQ-9',
      ),
    });
    const { user } = renderInConsole(<InstanceActions instances={[web1]} />);
    const dialog = await openAction(user, 'Reboot');
    // Nothing to type: the dialog focuses its primary button, so Enter confirms at once.
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Reboot' })).toHaveFocus());
    await user.keyboard('{Enter}');

    expect(await screen.findByText('Could not reboot i-web1 (web-1)')).toBeInTheDocument();
    expect(screen.getByText('IncorrectInstanceStatus')).toBeInTheDocument();
    expect(screen.getByText('ECS-REQ-9')).toBeInTheDocument();
  });

  it('shows an unknown outcome (504 OutcomeUnknown) as a warning to check the instance, not a failure', async () => {
    stubApi({
      'POST /api/ecs/StopInstance': apiError(
        504,
        'OutcomeUnknown',
        'ECS did not answer in time; the request may have been applied.',
        'BFF-REQ-5',
      ),
    });
    const { user } = renderInConsole(<InstanceActions instances={[web1]} />);
    const dialog = await openAction(user, 'Stop');
    await user.click(within(dialog).getByRole('button', { name: 'Stop' }));

    const header = await screen.findByText('i-web1 (web-1): the outcome is unknown');
    expect(screen.getByText(/may have been applied — check the current state/)).toBeInTheDocument();
    expect(screen.getByText('OutcomeUnknown')).toBeInTheDocument();
    expect(screen.queryByText('Could not stop i-web1 (web-1)')).not.toBeInTheDocument();
    // Cloudscape marks the flash's type in its class names: a warning, not an error.
    const flash = header.closest('[class*="awsui_flash_"]');
    expect(flash?.className).toMatch(/flash-type-warning/);
  });

  it('shows a warning when the BFF says the change was not recorded in the audit log', async () => {
    stubApi({
      'POST /api/ecs/RebootInstance': Response.json(
        {
          RequestId: 'R-1',
          consoleWarning: { code: 'AuditNotRecorded', message: 'The audit log could not be written: disk full.' },
        },
        { headers: { 'x-console-warning': 'AuditNotRecorded' } },
      ),
    });
    const { user } = renderInConsole(<InstanceActions instances={[web1]} />);
    const dialog = await openAction(user, 'Reboot');
    await user.click(within(dialog).getByRole('button', { name: 'Reboot' }));

    expect(await screen.findByText('Done, but not recorded in the audit log')).toBeInTheDocument();
    expect(screen.getByText('The audit log could not be written: disk full.')).toBeInTheDocument();
    expect(await screen.findByText('Reboot requested for i-web1 (web-1)')).toBeInTheDocument();
  });
});

describe('what ECS would refuse is refused early', () => {
  const subscription = makeInstance({
    InstanceId: 'i-sub',
    InstanceName: 'db-prod-1',
    Status: 'Stopped',
    InstanceChargeType: 'PrePaid',
  });
  const expired = makeInstance({
    InstanceId: 'i-exp',
    InstanceName: 'api-dev-1',
    Status: 'Stopped',
    OperationLocks: { LockReason: [{ LockReason: 'financial' }] },
  });

  async function menuItem(user: ReturnType<typeof renderInConsole>['user'], name: string) {
    await user.click(screen.getByRole('button', { name: 'Instance state' }));
    return screen.findByRole('menuitem', { name: new RegExp(`^${name}`) });
  }

  it('disables Delete on a subscription instance and names it in the reason', async () => {
    const { user } = renderInConsole(<InstanceActions instances={[stopped, subscription]} />);
    const item = await menuItem(user, 'Delete');
    expect(item).toHaveAttribute('aria-disabled', 'true');
    await user.hover(item);
    expect(
      await screen.findByText(
        'i-sub (db-prod-1) is a subscription instance: it is released when its subscription ends, not deleted.',
      ),
    ).toBeInTheDocument();
  });

  it('disables Start on an instance with a financial lock, and Delete on a protected one', async () => {
    const guarded = makeInstance({
      InstanceId: 'i-guard',
      InstanceName: '',
      Status: 'Stopped',
      DeletionProtection: true,
    });
    const { user } = renderInConsole(<InstanceActions instances={[expired, guarded]} />);
    const start = await menuItem(user, 'Start');
    expect(start).toHaveAttribute('aria-disabled', 'true');
    await user.hover(start);
    // The tooltip, and its copy for screen readers.
    expect(await screen.findAllByText(/^i-exp \(api-dev-1\) is locked for an expired subscription/)).not.toHaveLength(
      0,
    );
    const remove = screen.getByRole('menuitem', { name: /^Delete/ });
    await user.hover(remove);
    expect(await screen.findAllByText('i-guard has deletion protection: turn it off first.')).not.toHaveLength(0);
  });
});

describe('targets not shown in the list', () => {
  it('says in every dialog how many targets are not shown, and lists them first', async () => {
    stubApi({});
    const { user } = renderInConsole(
      <InstanceActions instances={[web1, web2, stopped]} notShownIds={new Set(['i-web2', 'i-old'])} />,
    );
    for (const action of ['Delete']) {
      const dialog = await openAction(user, action);
      expect(
        within(dialog).getByText('2 of these are not shown in the list (another page, or hidden by the filter).'),
      ).toBeInTheDocument();
      const items = within(within(dialog).getByRole('list', { name: '3 instances' })).getAllByRole('listitem');
      expect(items.map((item) => item.textContent)).toEqual([
        expect.stringMatching(/^i-web2 web-2 \(not shown in the list\)$/),
        expect.stringMatching(/^i-old old \(not shown in the list\)$/),
        'i-web1 web-1',
      ]);
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    }
  });

  it.each(['Stop', 'Reboot'])('%s says it too', async (action) => {
    stubApi({});
    const { user } = renderInConsole(<InstanceActions instances={[web1, web2]} notShownIds={new Set(['i-web2'])} />, {
      session: makeSession('operator'),
    });
    const dialog = await openAction(user, action);
    expect(within(dialog).getByText(/^1 of these is not shown in the list/)).toBeInTheDocument();
  });

  it('asks before starting when a target is not shown, and starts at once otherwise', async () => {
    const api = stubApi({ 'POST /api/ecs/StartInstance': ok('START-1') });
    const stopped2 = makeInstance({ InstanceId: 'i-old2', InstanceName: 'old-2', Status: 'Stopped' });
    const { user } = renderInConsole(
      <InstanceActions instances={[stopped, stopped2]} notShownIds={new Set(['i-old2'])} />,
      { session: makeSession('operator') },
    );
    const dialog = await openAction(user, 'Start');
    expect(within(dialog).getByText('Start 2 instances')).toBeInTheDocument();
    expect(within(dialog).getByText(/^1 of these is not shown in the list/)).toBeInTheDocument();
    expect(api.sent).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('2 started')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/StartInstance')).toHaveLength(2);
  });
});

describe('a batch of many', () => {
  it('shows progress while it runs, then one summary naming the failure code', async () => {
    const instances = Array.from({ length: 10 }, (_, i) =>
      makeInstance({ InstanceId: `i-s${i}`, InstanceName: `s-${i}`, Status: 'Stopped' }),
    );
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    stubApi({
      'POST /api/ecs/StartInstance': async ({ body }) => {
        const { InstanceId } = body as { InstanceId: string };
        // The last five wait, so the batch is seen half done.
        if (Number(InstanceId.slice(3)) >= 5) await gate;
        if (InstanceId === 'i-s7') return apiError(403, 'InstanceExpired', 'The instance has expired.', 'REQ-S7');
        return Response.json({ RequestId: `REQ-${InstanceId}` });
      },
    });
    const { user } = renderInConsole(<InstanceActions instances={instances} />, { session: makeSession('operator') });
    await user.click(screen.getByRole('button', { name: 'Instance state' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Start' }));

    expect(await screen.findByText('Starting 10 instances…')).toBeInTheDocument();
    expect(await screen.findByText('5 of 10 done')).toBeInTheDocument();
    release();
    expect(await screen.findByText('9 started, 1 failed: InstanceExpired')).toBeInTheDocument();
    expect(screen.queryByText('Starting 10 instances…')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Details (10 items)' }));
    expect(screen.getByText('REQ-S7')).toBeInTheDocument();
  });
});

describe('dialog focus', () => {
  it('opens the delete dialog on its confirmation field, not on Close', async () => {
    stubApi({});
    const { user } = renderInConsole(<InstanceActions instances={[stopped]} />);
    const dialog = await openAction(user, 'Delete');
    await waitFor(() => expect(within(dialog).getByRole('textbox')).toHaveFocus());
  });

  it('opens the stop dialog on its primary action', async () => {
    stubApi({});
    const { user } = renderInConsole(<InstanceActions instances={[web1]} />);
    const dialog = await openAction(user, 'Stop');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Stop' })).toHaveFocus());
  });
});
