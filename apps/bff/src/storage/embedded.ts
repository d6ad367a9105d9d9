import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { Mutex } from 'async-mutex';
import lockfile from 'proper-lockfile';
import { asStorageError, type Connection, type Database, type Queryable } from './database.js';

/** Where the embedded database lives in the data directory. */
export const EMBEDDED_DIR = 'db';

/**
 * PGlite (PostgreSQL compiled to WebAssembly) in `<data dir>/db`: the default, so a console needs
 * no database server. It is one process's database: a lock file keeps a second console process off
 * the same directory (two would corrupt it); replicas need a PostgreSQL server.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  const { pg, release } = await openLocked(dataDir);
  return new EmbeddedDatabase(pg, release);
}

/**
 * The data directory's PGlite itself, under the same lock, for tools that need the instance
 * (`pnpm db:dump`); `close` closes it and releases the lock.
 */
export async function openEmbeddedPGlite(dataDir: string): Promise<{ pg: PGlite; close: () => Promise<void> }> {
  const { pg, release } = await openLocked(dataDir);
  return {
    pg,
    close: async () => {
      if (!pg.closed) await pg.close();
      await release();
    },
  };
}

async function openLocked(dataDir: string): Promise<{ pg: PGlite; release: () => Promise<void> }> {
  const path = join(dataDir, EMBEDDED_DIR);
  await mkdir(path, { recursive: true, mode: 0o700 });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(path, { lockfilePath: `${path}.lock`, stale: 30_000, update: 10_000 });
  } catch (error) {
    throw new Error(
      `the embedded database ${path} is in use by another console process; several replicas need a PostgreSQL server (CONSOLE_DATABASE_URL)`,
      { cause: error },
    );
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(path);
  } catch (error) {
    await release();
    throw error;
  }
  return { pg, release };
}

/** An in-memory PGlite with no files, for tests. */
export async function openMemoryDatabase(): Promise<Database> {
  return new EmbeddedDatabase(await PGlite.create(await memoryTemplate()), () => Promise.resolve());
}

/** A compiled WebAssembly module (the global WebAssembly is not in this project's ES-only type library). */
interface CompiledWasm {
  readonly compiledWasm: unique symbol;
}
const compileWasm = (bytes: Uint8Array): Promise<CompiledWasm> =>
  (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledWasm> } }).WebAssembly.compile(
    bytes,
  );

interface MemoryTemplate {
  readonly pgliteWasmModule: CompiledWasm;
  readonly fsBundle: Blob;
  readonly loadDataDir: Blob;
}
let template: Promise<MemoryTemplate> | undefined;

/**
 * What a new in-memory database starts from: PGlite's WebAssembly compiled once per process and an
 * empty cluster made once (PGlite runs initdb on every create otherwise: seconds of CPU each time).
 */
function memoryTemplate(): Promise<MemoryTemplate> {
  template ??= (async () => {
    const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [pgliteWasmModule, initdbWasmModule, bundle] = await Promise.all([
      readFile(join(dist, 'pglite.wasm')).then(compileWasm),
      readFile(join(dist, 'initdb.wasm')).then(compileWasm),
      readFile(join(dist, 'pglite.data')),
    ]);
    const fsBundle = new Blob([bundle]);
    const empty = await PGlite.create({ pgliteWasmModule, initdbWasmModule, fsBundle });
    const loadDataDir = await empty.dumpDataDir('none');
    await empty.close();
    return { pgliteWasmModule, fsBundle, loadDataDir };
  })();
  // A failed attempt is not kept: the next open tries again.
  template.catch(() => (template = undefined));
  return template;
}

class EmbeddedDatabase implements Database {
  readonly kind = 'embedded';
  readonly #pg: PGlite;
  readonly #release: () => Promise<void>;
  /** PGlite has one connection: "advisory locks" are held against this process's other work. */
  readonly #locks = new Mutex();

  constructor(pg: PGlite, release: () => Promise<void>) {
    this.#pg = pg;
    this.#release = release;
  }

  query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return run(this.#pg, sql, params);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    try {
      return await this.#pg.transaction((tx) => work(wrap(tx)));
    } catch (error) {
      throw asStorageError(error);
    }
  }

  withLock<T>(_key: number, work: (connection: Connection) => Promise<T>): Promise<T> {
    return this.#locks.runExclusive(() => work(this));
  }

  async close(): Promise<void> {
    if (this.#pg.closed) return;
    await this.#pg.close();
    await this.#release();
  }
}

function wrap(tx: Transaction): Queryable {
  return { query: (sql, params = []) => run(tx, sql, params) };
}

/** Without parameters a statement goes as a simple query (as pg sends it), so a script of several runs. */
async function run<Row extends object>(
  target: Pick<PGlite, 'query' | 'exec'>,
  sql: string,
  params: readonly unknown[],
): Promise<Row[]> {
  try {
    if (params.length === 0) return ((await target.exec(sql)).at(-1)?.rows ?? []) as Row[];
    return (await target.query<Row>(sql, [...params])).rows;
  } catch (error) {
    throw asStorageError(error);
  }
}
