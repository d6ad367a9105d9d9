import { isoSeconds } from '../../clock.js';
import { consoleOutput, consoleScreen, consoleUpdatedAt, removeSymbols, wakeDisplay } from '../../console/screen.js';
import { renderScreenshot } from '../../console/screenshot.js';
import { issueVncTicket } from '../../console/vnc-tickets.js';
import { apiError } from '../../protocol/errors.js';
import type { InstanceRecord } from '../../store/types.js';
import type { ActionHandler } from '../kit/context.js';
import { instanceInRegion, instanceNotFound, invalidInstanceParameter, requireStatus } from './lookup.js';

// The console actions -----------------------------------------------------------------------------

export const describeInstanceVncUrl: ActionHandler = (context) => {
  const { region, instance } = instanceInRegion(context, instanceNotFound);
  requireStatus(instance, ['Running'], 'DescribeInstanceVncUrl');
  const ticket = issueVncTicket(context.store, {
    instanceId: instance.InstanceId,
    regionId: region.region.RegionId,
    issuedAt: context.now,
  });
  // ECS answers a URL-encoded address of its VNC proxy; ours is the emulator itself unless a public one is set.
  const base = context.vncPublicUrl ?? `ws://${new URL(context.baseUrl).host}`;
  return { VncUrl: encodeURIComponent(`${base}/websockify/?s=${ticket.token}`) };
};

export const modifyInstanceVncPasswd: ActionHandler = (context) => {
  const { instance } = instanceInRegion(context, instanceNotFound);
  const password = context.params.requiredString('VncPassword', {
    code: 'IncorrectVncPassword.Malformed',
    pattern: /^[A-Za-z0-9]{6}$/,
  });
  requireStatus(instance, ['Starting', 'Running', 'Stopping', 'Stopped'], 'ModifyInstanceVncPasswd');
  instance.vncPassword = password;
  return {};
};

/**
 * ECS limits screenshots per instance and answers Throttling (429 in the current reference, 400 in
 * an older one). The emulator allows one every two seconds of wall-clock time, per instance.
 */
export const SCREENSHOT_INTERVAL_MS = 2_000;

export const getInstanceScreenshot: ActionHandler = (context) => {
  const { region, instance } = instanceInRegion(context, invalidInstanceParameter);
  // The SDK sends WakeUp; the 2018 reference spells it Wakeup.
  const wakeUp = context.params.boolean('WakeUp') ?? context.params.boolean('Wakeup') ?? false;
  if (instance.Status !== 'Running') throw notApplicableStatus(instance);
  const realNow = Date.now();
  const last = region.screenshotTakenAt.get(instance.InstanceId);
  if (last !== undefined && realNow - last < SCREENSHOT_INTERVAL_MS) {
    throw apiError(429, 'Throttling', 'Request was denied due to request throttling.');
  }
  region.screenshotTakenAt.set(instance.InstanceId, realNow);
  if (wakeUp) wakeDisplay(instance, context.now);
  const image = renderScreenshot(consoleScreen(region, instance, context.now), context.screenshotFormat);
  return { InstanceId: instance.InstanceId, Screenshot: image.toString('base64') };
};

export const getInstanceConsoleOutput: ActionHandler = (context) => {
  const { region, instance } = instanceInRegion(context, invalidInstanceParameter);
  const strip = context.params.boolean('RemoveSymbols') ?? false;
  if (instance.OSType === 'windows') {
    throw apiError(405, 'NotSupported', `The operation is not supported for "${instance.InstanceId}".`);
  }
  const updatedAt = consoleUpdatedAt(instance);
  // ECS documents 405 for a stopped instance (and there is no output before the first boot).
  if (instance.Status === 'Stopped' || instance.Status === 'Pending' || updatedAt === undefined) {
    throw notApplicableStatus(instance);
  }
  const text = consoleOutput(region, instance, context.now);
  return {
    InstanceId: instance.InstanceId,
    ConsoleOutput: Buffer.from(strip ? removeSymbols(text) : text, 'utf8').toString('base64'),
    LastUpdateTime: isoSeconds(updatedAt),
  };
};

/** The console actions answer a wrong status with 405, not the usual 403. */
const notApplicableStatus = (instance: InstanceRecord) =>
  apiError(405, 'IncorrectInstanceStatus', `The instance status "${instance.Status}" is not applicable.`);
