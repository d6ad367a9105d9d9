import { Router, type Request, type Response } from 'express';
import type { EcsClient, EcsError } from '@ecs-console/ecs-client';
import { CAPTURED_AT_HEADER, type ConsoleOutputAnswer, type VncLaunchAnswer } from '@ecs-console/contract';
import { z } from 'zod';
import type { AuditStore } from '../audit/audit-store.js';
import { auditFrom } from '../audit/recorder.js';
import { sendCarriedOut } from '../audit/warning.js';
import { requireRole } from '../auth/require-role.js';
import { imageTypeOf } from '../diagnostics/image-type.js';
import { decodeVncUrl, officialVncPageUrl, VNC_URL_TTL_MS } from '../diagnostics/vnc.js';
import { isEcsFailure, sendEcsError, sendError } from '../errors.js';
import { instanceId, regionId } from '../registry/types.js';
import { parseBody } from '../validation.js';

export interface DiagnosticsDeps {
  readonly client: EcsClient;
  readonly audit: Pick<AuditStore, 'record'>;
  /** The version segment of the official VNC page's URL (`0.0.8`). */
  readonly vncPageVersion: string;
}

/** A clearer message for an ECS error code; the status replaces ECS's only when given. */
interface Explanation {
  readonly message: string;
  readonly status?: number;
}

const NOT_RUNNING_SCREENSHOT: Explanation = {
  message: 'The instance is not running: screenshots need a running instance.',
};
const THROTTLED_SCREENSHOT: Explanation = {
  status: 429,
  message: 'Screenshots are limited to one every few seconds per instance; try again shortly.',
};
const CONSOLE_OUTPUT_EXPLANATIONS: Readonly<Record<string, Explanation>> = {
  NotSupported: {
    status: 405,
    message: 'Windows instances have no serial console output; use a screenshot or the VNC console.',
  },
  IncorrectInstanceStatus: { message: 'The instance is not running, so there is no current console output.' },
};

const booleanQuery = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => value === 'true');
const ScreenshotQuery = z.strictObject({ wakeUp: booleanQuery });
const ConsoleOutputQuery = z.strictObject({ removeSymbols: booleanQuery });
const VncBody = z.strictObject({});

/** The route's `:regionId` and `:instanceId`, or a 400 naming the bad one. */
function targetOf(request: Request, response: Response): { regionId: string; instanceId: string } | undefined {
  const region = regionId.safeParse(request.params.regionId);
  const instance = instanceId.safeParse(request.params.instanceId);
  if (!region.success || !instance.success) {
    const problems = [
      ...(region.success ? [] : [`regionId: ${z.prettifyError(region.error)}`]),
      ...(instance.success ? [] : [`instanceId: ${z.prettifyError(instance.error)}`]),
    ];
    sendError(response, 400, 'InvalidParameter', problems.join('; '));
    return undefined;
  }
  return { regionId: region.data, instanceId: instance.data };
}

/**
 * ECS's error with its code and RequestId kept; a known code gets a message that says what it
 * means for this page. Everything else passes through as the proxy would pass it.
 */
function sendExplainedError(response: Response, error: EcsError, explanation: Explanation | undefined): void {
  if (error.kind !== 'service' || !explanation) {
    sendEcsError(response, error);
    return;
  }
  sendError(response, explanation.status ?? error.statusCode ?? 502, error.code, explanation.message, error.requestId);
}

/**
 * `/api/instances/:regionId/:instanceId/...`: what an instance shows on its screen and serial
 * console, and the VNC launch. Screenshots and console output are reads (viewer); opening a VNC
 * console is audited (operator), and its address, a credential, never reaches a log or the audit log.
 */
export function diagnosticsRoutes({ client, audit: auditLog, vncPageVersion }: DiagnosticsDeps): Router {
  const router = Router();

  router.get('/:regionId/:instanceId/screenshot', requireRole('viewer'), async (request, response) => {
    const target = targetOf(request, response);
    if (!target) return;
    const query = parseBody(ScreenshotQuery, request.query, response);
    if (!query) return;
    try {
      const result = await client.call(
        'GetInstanceScreenshot',
        { RegionId: target.regionId, InstanceId: target.instanceId, WakeUp: query.wakeUp },
        // A throttled screenshot is answered at once: the user can simply refresh again.
        { regionId: target.regionId, retry: { maxAttempts: 1 } },
      );
      const capturedAt = new Date().toISOString();
      const bytes = Buffer.from(typeof result.Screenshot === 'string' ? result.Screenshot : '', 'base64');
      const contentType = imageTypeOf(bytes);
      if (!contentType) {
        sendError(
          response,
          502,
          'InvalidScreenshot',
          'ECS returned a screenshot that is neither a PNG nor a JPEG image.',
          result.RequestId,
        );
        return;
      }
      response
        .status(200)
        .set({ 'Content-Type': contentType, 'Cache-Control': 'no-store', [CAPTURED_AT_HEADER]: capturedAt })
        .send(bytes);
    } catch (error) {
      if (!isEcsFailure(error)) throw error;
      const explanation =
        error.code === 'IncorrectInstanceStatus'
          ? NOT_RUNNING_SCREENSHOT
          : error.isThrottling
            ? THROTTLED_SCREENSHOT
            : undefined;
      sendExplainedError(response, error, explanation);
    }
  });

  router.get('/:regionId/:instanceId/console-output', requireRole('viewer'), async (request, response) => {
    const target = targetOf(request, response);
    if (!target) return;
    const query = parseBody(ConsoleOutputQuery, request.query, response);
    if (!query) return;
    try {
      const result = await client.call(
        'GetInstanceConsoleOutput',
        { RegionId: target.regionId, InstanceId: target.instanceId, RemoveSymbols: query.removeSymbols },
        { regionId: target.regionId },
      );
      const encoded = typeof result.ConsoleOutput === 'string' ? result.ConsoleOutput : '';
      response.set('Cache-Control', 'no-store').json({
        instanceId: target.instanceId,
        text: Buffer.from(encoded, 'base64').toString('utf8'),
        lastUpdateTime: typeof result.LastUpdateTime === 'string' ? result.LastUpdateTime : null,
      } satisfies ConsoleOutputAnswer);
    } catch (error) {
      if (!isEcsFailure(error)) throw error;
      sendExplainedError(
        response,
        error,
        Object.hasOwn(CONSOLE_OUTPUT_EXPLANATIONS, error.code) ? CONSOLE_OUTPUT_EXPLANATIONS[error.code] : undefined,
      );
    }
  });

  router.post('/:regionId/:instanceId/vnc', requireRole('operator'), async (request, response) => {
    const target = targetOf(request, response);
    if (!target) return;
    if (!parseBody(VncBody, request.body, response)) return;
    // Who opened a console on which instance; the address itself is never recorded.
    const audit = auditFrom(auditLog, request, response);
    const opened = {
      event: 'action' as const,
      action: 'OpenVncConsole',
      regionId: target.regionId,
      resourceIds: [target.instanceId],
      params: {},
    };
    // Taken before the call: ECS issues the address after this, so it is valid at least until then.
    const expiresAt = new Date(Date.now() + VNC_URL_TTL_MS).toISOString();
    try {
      // Both at once: the address starts expiring as soon as ECS issues it.
      const [vnc, described] = await Promise.all([
        client.call(
          'DescribeInstanceVncUrl',
          { RegionId: target.regionId, InstanceId: target.instanceId },
          { regionId: target.regionId },
        ),
        client.call(
          'DescribeInstances',
          { RegionId: target.regionId, InstanceIds: [target.instanceId] },
          { regionId: target.regionId },
        ),
      ]);
      const instance = described.Instances.Instance.find((found) => found.InstanceId === target.instanceId);
      if (!instance) {
        const message = `The instance ${target.instanceId} does not exist in ${target.regionId}.`;
        await audit.record({
          ...opened,
          outcome: 'failure',
          code: 'InvalidInstanceId.NotFound',
          message,
          requestId: described.RequestId,
        });
        sendError(response, 404, 'InvalidInstanceId.NotFound', message, described.RequestId);
        return;
      }
      const websocketUrl = decodeVncUrl(vnc.VncUrl);
      if (!websocketUrl) {
        const message = 'ECS returned a VNC address that is not a WebSocket URL.';
        await audit.record({ ...opened, outcome: 'failure', code: 'InvalidVncUrl', message, requestId: vnc.RequestId });
        sendError(response, 502, 'InvalidVncUrl', message, vnc.RequestId);
        return;
      }
      const isWindows = instance.OSType === 'windows';
      const audited = await audit.record({ ...opened, outcome: 'success', requestId: vnc.RequestId });
      response.set('Cache-Control', 'no-store');
      sendCarriedOut(
        response,
        200,
        {
          websocketUrl,
          consoleUrl: officialVncPageUrl(vncPageVersion, websocketUrl, target.instanceId, isWindows),
          isWindows,
          expiresAt,
        } satisfies VncLaunchAnswer,
        audited,
      );
    } catch (error) {
      if (!isEcsFailure(error)) throw error;
      await audit.record({
        ...opened,
        outcome: 'failure',
        code: error.code,
        message: error.message,
        requestId: error.requestId,
      });
      sendEcsError(response, error);
    }
  });

  return router;
}
