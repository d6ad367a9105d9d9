import { Router } from 'express';
import type { EcsClient } from '@ecs-console/ecs-client';
import { redactParams, type AuditLog } from '../audit/audit-log.js';
import { hasRole } from '../auth/roles.js';
import { signedInUser } from '../auth/session.js';
import { isEcsFailure, sendEcsError, sendError } from '../errors.js';
import { actionRegistry } from '../registry/index.js';
import { parseBody } from '../validation.js';

/**
 * `POST /api/ecs/:action`: the signing proxy. The registry says whether the action is allowed, who
 * may call it and what it accepts; the BFF adds the credentials, signs, calls ECS and answers
 * with ECS's body or ECS's error. Every write is audited, whatever its outcome.
 */
export function ecsProxyRoutes({ client, audit }: { client: EcsClient; audit: AuditLog }): Router {
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
    const auditBase = {
      user: user.username,
      role: user.role,
      event: 'action' as const,
      action,
      regionId,
      resourceIds: entry.resources(params),
      params: redactParams(rest, entry.secretParams),
      sourceIp: request.ip,
    };
    try {
      const result = await client.call(action, ecsParams, regionId ? { regionId } : {});
      if (entry.access === 'write') {
        await audit.record({
          ...auditBase,
          outcome: 'success',
          requestId: typeof result.RequestId === 'string' ? result.RequestId : undefined,
        });
      }
      response.json(result);
    } catch (error) {
      if (!isEcsFailure(error)) throw error;
      if (entry.access === 'write') {
        await audit.record({ ...auditBase, outcome: 'failure', code: error.code, requestId: error.requestId });
      }
      sendEcsError(response, error);
    }
  });
  return router;
}
