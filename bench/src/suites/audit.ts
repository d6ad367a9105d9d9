import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../../../scripts/postgres-server.mjs';
import { SAMPLE, seedAuditEntries } from '../lib/audit-data.js';
import { fmt, interleaved, printTable } from '../lib/measure.js';
import { signIn, startStorageConsole } from '../servers/bff-child.js';

const SERVER_ENTRIES = 1_000_000;
/** PGlite fills them in 3 to 5 minutes on a 2-core machine, a server in 1 to 2. */
const EMBEDDED_ENTRIES = 1_000_000;
const DEEP_PAGE = 1_000;
const ROUNDS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

interface AuditPage {
  readonly entries: readonly unknown[];
  readonly nextCursor?: string;
}

/** One `GET /api/audit` page as the admin's browser asks for it. */
async function fetchPage(url: string, cookie: string, query: Readonly<Record<string, string>>): Promise<AuditPage> {
  const path = `/api/audit?${new URLSearchParams(query).toString()}`;
  const response = await fetch(`${url}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as AuditPage;
}

/** The cursor of page `page` (1-based), found by following nextCursor from the first page. */
async function cursorOfPage(url: string, cookie: string, page: number): Promise<string> {
  let cursor: string | undefined;
  for (let n = 1; n < page; n++) {
    const answer = await fetchPage(url, cookie, cursor ? { cursor } : {});
    if (!answer.nextCursor) throw new Error(`the log ends at page ${n}`);
    cursor = answer.nextCursor;
  }
  if (!cursor) throw new Error('page 1 has no cursor');
  return cursor;
}

/**
 * The audit log page's reads over 1,000,000 entries (a year of a busy team) through the HTTP API
 * as an admin: filtered pages and a deep page against the first page, measured in the same run.
 * Keyset paging should keep every one of them near the first page's cost.
 */
export async function auditPaging(): Promise<void> {
  const postgres = await startPostgres();
  try {
    await measure('PostgreSQL server', { CONSOLE_DATABASE_URL: postgres.url }, SERVER_ENTRIES);
  } finally {
    await postgres.stop();
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-audit-'));
  try {
    await measure('PGlite (embedded)', { CONSOLE_DATA_DIR: dataDir }, EMBEDDED_ENTRIES);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function measure(database: string, env: Readonly<Record<string, string>>, entries: number): Promise<void> {
  const seedMs = await seedAuditEntries(env, entries);
  const console = await startStorageConsole(env);
  try {
    const cookie = await signIn(console.url);
    const walkStarted = performance.now();
    const deepCursor = await cursorOfPage(console.url, cookie, DEEP_PAGE);
    const walkMs = performance.now() - walkStarted;
    const now = Date.now();
    const queries: Record<string, Record<string, string>> = {
      'first page (baseline)': {},
      [`user = ${SAMPLE.user}`]: { user: SAMPLE.user },
      [`action = ${SAMPLE.action}`]: { action: SAMPLE.action },
      [`resource ID = ${SAMPLE.resourceId}`]: { resourceId: SAMPLE.resourceId },
      'outcome = failure, 30 days a month ago': {
        outcome: 'failure',
        from: new Date(now - 60 * DAY_MS).toISOString(),
        to: new Date(now - 30 * DAY_MS).toISOString(),
      },
      [`page ${DEEP_PAGE.toLocaleString('en-US')} (its cursor)`]: { cursor: deepCursor },
    };
    const sizes: Record<string, number> = {};
    const contenders = Object.fromEntries(
      Object.entries(queries).map(([name, query]) => [
        name,
        async () => {
          const started = performance.now();
          const page = await fetchPage(console.url, cookie, query);
          const elapsed = performance.now() - started;
          sizes[name] = page.entries.length;
          return elapsed;
        },
      ]),
    );
    const medians = await interleaved(contenders, ROUNDS);
    const baseline = medians['first page (baseline)']!;
    printTable(
      `Audit log pages of 50 through GET /api/audit, ${entries.toLocaleString('en-US')} entries in ${database} ` +
        `(filled in ${(seedMs / 1000).toFixed(1)} s; walking to page ${DEEP_PAGE.toLocaleString('en-US')} took ${(walkMs / 1000).toFixed(1)} s), median of ${ROUNDS}`,
      ['page', 'entries', 'median', 'vs first page'],
      Object.keys(queries).map((name) => [
        name,
        String(sizes[name]),
        fmt.ms(medians[name]!),
        fmt.ratio(medians[name]! / baseline),
      ]),
    );
  } finally {
    await console.close();
  }
}
