import { Router } from 'express';
import type { EcsClient } from '@ecs-console/ecs-client';
import { hasRole } from '@ecs-console/contract';
import type { AuditStore } from '../audit/audit-store.js';
import { auditFrom, type AuditFields } from '../audit/recorder.js';
import { redactParams } from '../audit/redact.js';
import { sendCarriedOut } from '../audit/warning.js';
import { signedInUser } from '../auth/session.js';
import { callerFor } from '../ecs/fair-client.js';
import { userTenant } from '../ecs/tenant.js';
import { isEcsFailure, isOutcomeUnknown, sendEcsError, sendError, sendOutcomeUnknown } from '../errors.js';
import { actionRegistry } from '../registry/index.js';
import { parseBody } from '../validation.js';

/**
 * `POST /api/ecs/:action`: the signing proxy. The registry says whether the action is allowed, who
 * may call it and what it accepts; the BFF adds the credentials, signs, calls ECS and answers
 * with ECS's body or ECS's error. Every write is audited, whatever its outcome: `unknown` (and
 * `504 OutcomeUnknown`) when it was sent but its answer was lost, so it may have run.
 */
export function ecsProxyRoutes({
  client,
  audit: auditLog,
  onWrite,
}: {
  client: EcsClient;
  audit: Pick<AuditStore, 'record'>;
  /** Told after every write that reached ECS or may have (success, failure, unknown outcome), with its region. */
  onWrite?: (regionId: string | undefined) => void;
}): Router {
  const router = Router();
  router.post('/:action', async (request, response) => {
    const action = request.params.action;
    const entry = Object.hasOwn(actionRegistry, action) ? actionRegistry[action] : undefined;
    if (!entry) {
      sendError(response, 404, 'UnknownAction', `The console does not offer the ECS action ${action}.`);
      return;
    }
    const user = signedInUser(response);
    if (!hasRole(user.role, entry.role)) {
      sendError(response, 403, 'Forbidden', `${action} needs the ${entry.role} role; you are ${user.role}.`);
      return;
    }
    const params = parseBody(entry.schema, request.body, response);
    if (!params) return;

    const { RegionId: regionId, ...rest } = params as { RegionId?: string } & Record<string, unknown>;
    // Actions without a RegionId parameter get the region only as the endpoint to call.
    const ecsParams = entry.region === 'param' ? params : rest;
    const resourceIds = entry.resources(params);
    const audit = auditFrom(auditLog, request, response);
    const write: Omit<AuditFields, 'outcome'> = {
      event: 'action',
      action,
      regionId,
      resourceIds,
      params: redactParams(rest, entry.secretParams),
    };
    try {
      const result = await callerFor(client, userTenant(response))(action, ecsParams, regionId ? { regionId } : {});
      if (entry.access !== 'write') {
        response.json(result);
        return;
      }
      onWrite?.(regionId ?? client.regionId);
      const requestId = typeof result.RequestId === 'string' ? result.RequestId : undefined;
      const created = entry.createdIds?.(result) ?? [];
      const audited = await audit.record({
        ...write,
        resourceIds: [...resourceIds, ...created],
        outcome: 'success',
        requestId,
      });
      sendCarriedOut(response, 200, result, audited);
    } catch (error) {
      if (!isEcsFailure(error)) throw error;
      if (entry.access !== 'write') {
        sendEcsError(response, error);
        return;
      }
      onWrite?.(regionId ?? client.regionId);
      const unknown = isOutcomeUnknown(error);
      await audit.record({
        ...write,
        outcome: unknown ? 'unknown' : 'failure',
        code: error.code,
        message: error.message,
        requestId: error.requestId,
      });
      if (unknown) sendOutcomeUnknown(response, error, action, resourceIds);
      else sendEcsError(response, error);
    }
  });
  return router;
}
