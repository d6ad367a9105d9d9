/**
 * The upgrade from ECS Console 0.1.0, which kept its state in files in the data directory:
 * `users.json`, `audit.jsonl`, `session-key` and `revoked-sessions.json` (any of them may be
 * missing). On the first start of a later version they are imported into the database once:
 *
 * - users keep their id, password hash, role, creation time and session version, so old passwords
 *   work and cookies issued by 0.1.0 (bound to the id and the session version) stay valid; a file
 *   written before accounts had ids gets new ones;
 * - every readable audit entry, in file order, with its original time and all fields; damaged or
 *   truncated lines are skipped and counted (the warning names line numbers, never the content).
 *   The file is streamed and inserted in batches, so its size does not matter;
 * - the session key becomes the `session_secret` setting (unless the database has one already),
 *   so 0.1.0's cookies keep working when CONSOLE_SESSION_SECRET is not set;
 * - revocations (logouts) that have not expired yet.
 *
 * All in ONE transaction with the `legacy_imports` row `0.1.0-files` (its detail: the counts).
 * Only after the commit is each file renamed to `<name>.imported-0.1.0` beside the data (a free
 * `.imported-0.1.0.N` when that name is taken): nothing is ever deleted. When the row exists the
 * files are not imported again, only renamed: a crash between the commit and the renames, or
 * files copied back in later, import nothing twice.
 *
 * A database that already has users (a console was started on an empty database before the old
 * files were copied in, or another replica created the first admin): accounts with other names
 * than the database's are added (with a warning). When a name or id of users.json is in the
 * database already the import is refused and the console does not start: choosing one of two
 * passwords for one name silently would lock someone out or let the wrong one in. The error says
 * how to go on: start on an empty database, or move users.json out of the data directory (the
 * rest is then imported without the accounts). A users.json or revoked-sessions.json that cannot be
 * read stops the start the same way, rather than losing accounts without a word.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AUDIT_EVENTS, AUDIT_OUTCOMES, ROLES } from '@ecs-console/contract';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Connection, Queryable } from './database.js';
import { SESSION_SECRET_SETTING } from './settings.js';

/** The `legacy_imports` row that marks the import as done. */
export const LEGACY_IMPORT_NAME = '0.1.0-files';
/** What an imported file is renamed to (`users.json` → `users.json.imported-0.1.0`). */
export const IMPORTED_SUFFIX = '.imported-0.1.0';
export const LEGACY_FILES = {
  users: 'users.json',
  audit: 'audit.jsonl',
  sessionKey: 'session-key',
  revoked: 'revoked-sessions.json',
} as const;

/** Audit entries per INSERT: few statements for a big file, small ones for the driver. */
const AUDIT_BATCH = 500;
/** How many damaged line numbers the warning lists (the count is always whole). */
const MAX_LISTED_LINES = 20;

export interface LegacyImportCounts {
  readonly users: number;
  readonly auditEntries: number;
  readonly skippedLines: number;
  readonly revokedSessions: number;
}

export interface LegacyImportOptions {
  /** The clock deciding which revocations have expired; tests move it. */
  readonly now?: () => Date;
}

/** The import cannot go ahead (conflicting accounts, an unreadable file): the console must not start. */
export class LegacyImportError extends Error {
  override readonly name = 'LegacyImportError';
}

const LegacyUser = z.object({
  id: z.string().min(1).max(64).optional(),
  username: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[a-z][a-z0-9._-]*$/),
  role: z.enum(ROLES),
  passwordHash: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  sessionVersion: z.number().int().min(0),
});
const UsersFile = z.object({ users: z.array(LegacyUser) });
const RevokedFile = z.object({ revoked: z.record(z.string().min(1), z.number()) });

const optionalText = z.string().optional();
/** One line of audit.jsonl as 0.1.0 wrote it; anything else is a damaged line. */
const LegacyAuditEntry = z.object({
  time: z.iso.datetime({ offset: true }),
  user: z.string(),
  role: z.enum(ROLES).optional(),
  event: z.enum(AUDIT_EVENTS),
  action: optionalText,
  regionId: optionalText,
  resourceIds: z.array(z.string()),
  params: z.record(z.string(), z.unknown()),
  outcome: z.enum(AUDIT_OUTCOMES),
  code: optionalText,
  message: optionalText,
  requestId: optionalText,
  sourceIp: optionalText,
});
type LegacyAuditEntry = z.infer<typeof LegacyAuditEntry>;

/**
 * Imports 0.1.0's files from `dataDir` once (see the top of this file). Call it holding the
 * start-up lock, after the migrations and before the first admin is created. Answers the counts,
 * or undefined when there was nothing to import (no files, or imported before).
 */
export async function importLegacyData(
  connection: Connection,
  dataDir: string,
  logger: Logger,
  options: LegacyImportOptions = {},
): Promise<LegacyImportCounts | undefined> {
  const present = await presentFiles(dataDir);
  if (present.length === 0) return undefined;
  const [done] = await connection.query<{ imported_at: Date }>(
    'SELECT imported_at FROM legacy_imports WHERE name = $1',
    [LEGACY_IMPORT_NAME],
  );
  if (done) {
    const renamed = await keepAsImported(dataDir, present);
    logger.warn(
      { files: renamed, importedAt: done.imported_at.toISOString() },
      'the files of ECS Console 0.1.0 were imported before: these were not imported again, only renamed',
    );
    return undefined;
  }

  const now = (options.now ?? (() => new Date()))();
  const users = present.includes(LEGACY_FILES.users) ? await readUsers(join(dataDir, LEGACY_FILES.users)) : [];
  const revoked = present.includes(LEGACY_FILES.revoked) ? await readRevoked(join(dataDir, LEGACY_FILES.revoked)) : [];
  const sessionKey = present.includes(LEGACY_FILES.sessionKey)
    ? (await readFile(join(dataDir, LEGACY_FILES.sessionKey), 'utf8')).trim()
    : '';

  const { counts, damagedLines, keptSessionKey, merged } = await connection.transaction(async (tx) => {
    // Checked again in the transaction: the row's primary key also refuses a second import.
    await tx.query('INSERT INTO legacy_imports (name, imported_at, detail) VALUES ($1, $2, $3)', [
      LEGACY_IMPORT_NAME,
      now,
      {},
    ]);
    const merged = await insertUsers(tx, users);
    const audit = present.includes(LEGACY_FILES.audit)
      ? await insertAuditFile(tx, join(dataDir, LEGACY_FILES.audit))
      : { inserted: 0, damagedLines: [] as number[], skippedLines: 0 };
    const revokedSessions = await insertRevoked(tx, revoked, now);
    const kept = sessionKey === '' ? undefined : await insertSessionKey(tx, sessionKey);
    const result: LegacyImportCounts = {
      users: users.length,
      auditEntries: audit.inserted,
      skippedLines: audit.skippedLines,
      revokedSessions,
    };
    await tx.query('UPDATE legacy_imports SET detail = $2 WHERE name = $1', [
      LEGACY_IMPORT_NAME,
      { ...result, files: present, mergedIntoExistingUsers: merged },
    ]);
    return { counts: result, damagedLines: audit.damagedLines, keptSessionKey: kept, merged };
  });

  if (counts.skippedLines > 0) {
    logger.warn(
      { file: LEGACY_FILES.audit, skippedLines: counts.skippedLines, lineNumbers: damagedLines },
      `${counts.skippedLines} damaged lines of ${LEGACY_FILES.audit} were skipped (not entries: truncated or not JSON)`,
    );
  }
  if (merged) {
    logger.warn(
      { users: counts.users },
      "the database had users before the import: 0.1.0's accounts (other names) were added to them",
    );
  }
  if (keptSessionKey === false) {
    logger.warn(
      "the database already has a session key, so 0.1.0's session-key was not used: cookies issued by 0.1.0 no longer work (users sign in again)",
    );
  }
  const renamed = await keepAsImported(dataDir, present);
  logger.info(
    { ...counts, files: renamed },
    `imported ${counts.users} users and ${counts.auditEntries} audit entries from 0.1.0 files (${counts.skippedLines} damaged lines skipped); the files are kept as *${IMPORTED_SUFFIX}`,
  );
  return counts;
}

async function presentFiles(dataDir: string): Promise<string[]> {
  const present: string[] = [];
  for (const name of Object.values(LEGACY_FILES)) {
    try {
      if ((await stat(join(dataDir, name))).isFile()) present.push(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return present;
}

/** Renames each file to `<name>.imported-0.1.0` (or the first free `….N`); answers the new names. */
async function keepAsImported(dataDir: string, names: readonly string[]): Promise<string[]> {
  const renamed: string[] = [];
  for (const name of names) {
    let target = `${name}${IMPORTED_SUFFIX}`;
    for (let n = 2; await exists(join(dataDir, target)); n++) target = `${name}${IMPORTED_SUFFIX}.${n}`;
    await rename(join(dataDir, name), join(dataDir, target));
    renamed.push(target);
  }
  return renamed;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

type ImportedUser = Required<z.infer<typeof LegacyUser>>;

async function readUsers(path: string): Promise<ImportedUser[]> {
  const text = await readFile(path, 'utf8');
  let parsed: z.infer<typeof UsersFile>;
  try {
    parsed = UsersFile.parse(JSON.parse(text));
  } catch (error) {
    // Where, never what (no cause either: JSON.parse quotes the text, and the file holds password hashes).
    const where =
      error instanceof z.ZodError ? error.issues.map((issue) => issue.path.join('.')).join(', ') : 'not JSON';
    throw new LegacyImportError(
      `${path} (from ECS Console 0.1.0) cannot be imported (${where}): repair it, or move it out of the data directory to start without its accounts`,
    );
  }
  const users = parsed.users.map((user) => ({ ...user, id: user.id ?? randomUUID() }));
  const twice = users.filter((user, index) => users.findIndex((each) => each.username === user.username) !== index);
  if (twice.length > 0) {
    throw new LegacyImportError(`${path} names ${twice.map((user) => user.username).join(', ')} more than once`);
  }
  return users;
}

async function readRevoked(path: string): Promise<[sessionId: string, expiresAt: number][]> {
  const text = await readFile(path, 'utf8');
  try {
    return Object.entries(RevokedFile.parse(JSON.parse(text)).revoked);
  } catch {
    throw new LegacyImportError(
      `${path} (from ECS Console 0.1.0) cannot be imported: repair it, or move it out of the data directory (sessions ended by a logout would then work again until they expire)`,
    );
  }
}

/** Inserts the accounts; refuses names or ids the database has. Answers whether users were there before. */
async function insertUsers(tx: Queryable, users: readonly ImportedUser[]): Promise<boolean> {
  const existing = await tx.query<{ id: string; username: string }>('SELECT id, username FROM users');
  const clashes = users.filter((user) =>
    existing.some((each) => each.username === user.username || each.id === user.id),
  );
  if (clashes.length > 0) {
    throw new LegacyImportError(
      `cannot import the accounts of ECS Console 0.1.0 (users.json): the database already has users named ${clashes.map((user) => user.username).join(', ')}. ` +
        'Start on an empty database to import 0.1.0 as it was, or move users.json out of the data directory to import the rest without its accounts.',
    );
  }
  if (users.length > 0) {
    await tx.query(
      `INSERT INTO users (id, username, role, password_hash, created_at, session_version)
       SELECT u->>'id', u->>'username', u->>'role', u->>'passwordHash', (u->>'createdAt')::timestamptz, (u->>'sessionVersion')::int
       FROM jsonb_array_elements($1::jsonb) AS u`,
      [JSON.stringify(users)],
    );
  }
  return existing.length > 0 && users.length > 0;
}

/** Streams audit.jsonl into audit_entries in file order, AUDIT_BATCH rows per statement. */
async function insertAuditFile(
  tx: Queryable,
  path: string,
): Promise<{ inserted: number; skippedLines: number; damagedLines: number[] }> {
  let inserted = 0;
  let skippedLines = 0;
  const damagedLines: number[] = [];
  let batch: LegacyAuditEntry[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await insertAuditBatch(tx, batch);
    inserted += batch.length;
    batch = [];
  };
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const entry = parseAuditLine(line);
    if (!entry) {
      skippedLines++;
      if (damagedLines.length < MAX_LISTED_LINES) damagedLines.push(lineNumber);
      continue;
    }
    batch.push(entry);
    if (batch.length >= AUDIT_BATCH) await flush();
  }
  await flush();
  return { inserted, skippedLines, damagedLines };
}

function parseAuditLine(line: string): LegacyAuditEntry | undefined {
  try {
    const parsed = LegacyAuditEntry.safeParse(JSON.parse(line));
    return parsed.success ? storable(parsed.data) : undefined;
  } catch {
    return undefined;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * PostgreSQL text and jsonb hold neither NUL nor half a surrogate pair, which JSON can: those
 * characters become U+FFFD, rather than one such line failing the whole import.
 */
function storable<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\0', '\uFFFD').replace(LONE_SURROGATE, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, each]) => [storable(key), storable(each)])) as T;
  }
  return value;
}

/** One statement per batch: the entries as one jsonb array, inserted in array order (ids follow the file). */
async function insertAuditBatch(tx: Queryable, entries: readonly LegacyAuditEntry[]): Promise<void> {
  await tx.query(
    `INSERT INTO audit_entries
       (time, username, role, event, action, region_id, resource_ids, params, outcome, code, message, request_id, source_ip)
     SELECT (e->>'time')::timestamptz, e->>'user', e->>'role', e->>'event', e->>'action', e->>'regionId',
            ARRAY(SELECT jsonb_array_elements_text(e->'resourceIds')), e->'params', e->>'outcome', e->>'code',
            e->>'message', e->>'requestId', e->>'sourceIp'
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n)
     ORDER BY n`,
    [JSON.stringify(entries)],
  );
}

async function insertRevoked(
  tx: Queryable,
  revoked: readonly [sessionId: string, expiresAt: number][],
  now: Date,
): Promise<number> {
  const live = revoked.filter(([, expiresAt]) => expiresAt > now.getTime());
  if (live.length === 0) return 0;
  const rows = await tx.query(
    `INSERT INTO revoked_sessions (session_id, expires_at)
     SELECT r->>0, to_timestamp((r->>1)::double precision / 1000)
     FROM jsonb_array_elements($1::jsonb) AS r
     ON CONFLICT (session_id) DO NOTHING
     RETURNING session_id`,
    [JSON.stringify(live)],
  );
  return rows.length;
}

/** Stores 0.1.0's key unless the database has one; answers whether 0.1.0's key is the one in use. */
async function insertSessionKey(tx: Queryable, key: string): Promise<boolean> {
  await tx.query('INSERT INTO console_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    SESSION_SECRET_SETTING,
    key,
  ]);
  const [row] = await tx.query<{ value: string }>('SELECT value FROM console_settings WHERE name = $1', [
    SESSION_SECRET_SETTING,
  ]);
  return row?.value === key;
}
