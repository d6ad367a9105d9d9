import { Router } from 'express';
import type { AuditAnswer } from '@ecs-console/contract';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import { requireRole } from '../auth/require-role.js';
import { parseBody } from '../validation.js';

const AuditQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

/** `GET /api/audit` (admin): the newest entries; damaged lines are skipped, counted and logged. */
export function auditRoutes({ audit }: { audit: AuditLog }): Router {
  const router = Router();
  router.get('/audit', requireRole('admin'), async (request, response) => {
    const query = parseBody(AuditQuery, request.query, response);
    if (!query) return;
    const { entries, skippedLines } = await audit.recent(query.limit);
    if (skippedLines > 0) request.log.warn({ skippedLines }, 'audit log has lines that cannot be read');
    response.json({ entries, skippedLines } satisfies AuditAnswer);
  });
  return router;
}
