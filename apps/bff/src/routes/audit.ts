import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import {
  AUDIT_EVENTS,
  AUDIT_OUTCOMES,
  AUDIT_PAGE_LIMIT,
  type AuditAnswer,
  type AuditFilter,
  type StoredAuditEntry,
} from '@ecs-console/contract';
import { z } from 'zod';
import { isAuditCursor, type AuditStore } from '../audit/audit-store.js';
import { requireRole } from '../auth/require-role.js';
import { sendError } from '../errors.js';
import { parseBody } from '../validation.js';

const text = z.string().min(1).max(256);
const timestamp = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 time with a zone (…Z or …+hh:mm)' });

/** The filter both the page and the export take (AUDIT_QUERY_NAMES). */
const FILTER_SHAPE = {
  user: text.optional(),
  action: text.optional(),
  event: z.enum(AUDIT_EVENTS).optional(),
  resourceId: text.optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
};

function fromBeforeTo(filter: { from?: string | undefined; to?: string | undefined }, context: z.RefinementCtx): void {
  if (filter.from !== undefined && filter.to !== undefined && Date.parse(filter.from) >= Date.parse(filter.to))
    context.addIssue({ code: 'custom', path: ['from'], message: 'from must be earlier than to' });
}

const FilterQuery = z.strictObject(FILTER_SHAPE).superRefine(fromBeforeTo);
const PageQuery = z
  .strictObject({
    ...FILTER_SHAPE,
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_LIMIT.max).default(AUDIT_PAGE_LIMIT.default),
    cursor: z
      .string()
      .refine(isAuditCursor, 'not a cursor this console handed out (pass an answer’s nextCursor as it is)')
      .optional(),
  })
  .superRefine(fromBeforeTo);

/** The filter without the fields the query left out (the contract's optional fields). */
function filterOf(query: z.infer<typeof FilterQuery>): AuditFilter {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
}

/** `audit-20261201T103000Z.csv`: when the export was taken, in UTC. */
function exportFileName(now: Date): string {
  return `audit-${now.toISOString().replace(/\.\d+/, '').replaceAll(/[-:]/g, '')}.csv`;
}

/**
 * `GET /api/audit` (a page, newest first), `GET /api/audit/export` (CSV) and `GET /api/audit/:id`;
 * admin only. Params in entries were redacted when they were written.
 */
export function auditRoutes({ audit }: { audit: AuditStore }): Router {
  const router = Router();

  router.get('/audit', requireRole('admin'), async (request, response) => {
    const query = parseBody(PageQuery, request.query, response);
    if (!query) return;
    const { limit, cursor, ...filter } = query;
    const answer: AuditAnswer = await audit.page(filterOf(filter), { limit, cursor });
    response.json(answer);
  });

  router.get('/audit/export', requireRole('admin'), async (request, response) => {
    const query = parseBody(FilterQuery, request.query, response);
    if (!query) return;
    const chunks = audit.export(filterOf(query));
    // The header and the first batch are read before answering, so a database that does not
    // answer is still a JSON error; after the first byte an error can only end the connection.
    const header = await chunks.next();
    const firstBatch = await chunks.next();
    response.status(200).set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(new Date())}"`,
    });
    const body = Readable.from(
      (async function* () {
        if (!header.done) yield header.value;
        if (firstBatch.done) return;
        yield firstBatch.value;
        yield* chunks;
      })(),
      // One batch ahead at most: the next is read when the client has taken this one.
      { highWaterMark: 1 },
    );
    try {
      await pipeline(body, response);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE')
        request.log.info('the audit export was abandoned by the client');
      else request.log.error({ err: error }, 'the audit export failed after it started; the connection was ended');
    }
  });

  router.get('/audit/:id', requireRole('admin'), async (request, response) => {
    const id = request.params.id;
    if (typeof id !== 'string' || !/^[1-9]\d{0,18}$/.test(id)) {
      sendError(response, 400, 'InvalidParameter', 'id: an audit entry id is a positive whole number');
      return;
    }
    const entry: StoredAuditEntry | undefined = await audit.get(id);
    if (!entry) {
      sendError(response, 404, 'NotFound', `There is no audit entry ${id}.`);
      return;
    }
    response.json(entry);
  });

  return router;
}
