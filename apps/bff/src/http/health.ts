import { Router } from 'express';
import type { ApiErrorBody, BackendKind, HealthAnswer } from '@ecs-console/contract';
import { requestIdOf } from '../errors.js';
import type { Database } from '../storage/database.js';
import { SCHEMA_VERSION, schemaVersion } from '../storage/migrations.js';

/** How long the health check waits for the database before calling it unreachable. */
export const HEALTH_TIMEOUT_MS = 2_000;

/**
 * `GET /health` (always 200 while the process serves: is it alive) and `GET /health/ready` (200
 * when the database answers, else 503 StorageUnavailable with the same fields: should a load
 * balancer send it traffic). Each call asks the database afresh.
 */
export function healthRoutes(deps: { db: Database; backendKind: BackendKind; timeoutMs?: number }): Router {
  const router = Router();
  let lastSchemaVersion = SCHEMA_VERSION;

  const check = async (): Promise<HealthAnswer> => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), deps.timeoutMs ?? HEALTH_TIMEOUT_MS);
      timer.unref();
    });
    let reachable = true;
    try {
      lastSchemaVersion = await Promise.race([schemaVersion(deps.db), timeout]);
    } catch {
      reachable = false;
    } finally {
      clearTimeout(timer);
    }
    return {
      status: reachable ? 'ok' : 'degraded',
      ready: reachable,
      backend: deps.backendKind,
      database: {
        kind: deps.db.kind,
        reachable,
        schemaVersion: lastSchemaVersion,
        ...(reachable ? { latencyMs: Math.round(performance.now() - started) } : {}),
      },
    };
  };

  router.get('/health', async (_request, response) => {
    response.json(await check());
  });

  router.get('/health/ready', async (_request, response) => {
    const health = await check();
    if (health.ready) {
      response.json(health);
      return;
    }
    // The health fields and the usual error fields in one body.
    const error: ApiErrorBody = {
      code: 'StorageUnavailable',
      message: "The console's database is not answering; this replica is not ready.",
      requestId: requestIdOf(response),
    };
    response.status(503).json({ ...health, ...error });
  });

  return router;
}
