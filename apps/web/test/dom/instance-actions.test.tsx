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
