/**
 * The console's own state (users, session revocations, sign-in throttling, the audit log, settings)
 * lives in PostgreSQL: PGlite in the data directory by default (`embedded.ts`), or a server
 * (`server.ts`, CONSOLE_DATABASE_URL). Both run the same SQL through this interface.
 *
 * Values come back alike from both drivers for text, integer, boolean, jsonb, text[] and
 * timestamptz (a Date). A bigint does not (pg answers a string, PGlite a number): cast it in SQL
 * (`id::text`, `count(*)::int`).
 */
export interface Queryable {
  /** The rows of one statement with `$1…` parameters. */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Connection extends Queryable {
  /** `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}

export type DatabaseKind = 'embedded' | 'server';

export interface Database extends Connection {
  readonly kind: DatabaseKind;
  /**
   * `work` on one connection holding PostgreSQL advisory lock `key` (waiting for it), so replicas
   * starting together do start-up work (migrations, the first admin, the import) one at a time.
   */
  withLock<T>(key: number, work: (connection: Connection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The database did not answer (unreachable, restarting, too slow): the request changed nothing and
 * may be tried again. Answered `503 StorageUnavailable`.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** SQLSTATE classes and codes that mean "the database is not there right now", not "the query is wrong". */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0|57014)/;
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed|Cannot use a pool after calling end/i;

/** Whether an error from either driver means the database is unavailable (see StorageUnavailableError). */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  return UNAVAILABLE_MESSAGES.test(error.message);
}

/** Rethrows driver errors that mean "unavailable" as StorageUnavailableError; others as they are. */
export function asStorageError(error: unknown): unknown {
  if (error instanceof StorageUnavailableError || !isUnavailable(error)) return error;
  return new StorageUnavailableError(
    `the console's database is not answering (${(error as Error).message.slice(0, 200)})`,
    { cause: error },
  );
}

/** The SQLSTATE of a unique violation, for conditional inserts that report a conflict. */
export const UNIQUE_VIOLATION = '23505';

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
