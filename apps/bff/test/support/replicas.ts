import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_PASSWORD } from './console-harness.js';

const BFF = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(BFF, 'dist', 'main.js');
/** Written by every `tsc -b` that builds the bff (an unchanged output file keeps its old time). */
const BUILD_INFO = join(BFF, 'dist', '.tsbuildinfo');

/** A console started as its own process (`node apps/bff/dist/main.js`), as a replica runs. */
export interface Replica {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything it printed on stdout so far. */
  readonly stdout: () => string;
  /** Ends it with SIGKILL (no clean-up: a crash) and waits for it to be gone. */
  kill(): Promise<void>;
  /** Ends it with SIGTERM and waits for it to be gone. */
  stop(): Promise<void>;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The built console, or a clear error: the replicas run the build, not the sources. */
export function assertBuilt(): void {
  if (!existsSync(MAIN) || !existsSync(BUILD_INFO)) {
    throw new Error(`${MAIN} is missing: build first with \`npx tsc -b\` (pnpm test does it before vitest)`);
  }
  if (statSync(BUILD_INFO).mtimeMs < newestSource(join(BFF, 'src'))) {
    throw new Error(
      `${MAIN} is older than apps/bff/src: rebuild with \`npx tsc -b\` (pnpm test does it before vitest)`,
    );
  }
}

/** One CONSOLE_SESSION_SECRET per test run, shared by the replicas of a deployment. */
export const SHARED_SESSION_SECRET = randomBytes(32).toString('hex');

/**
 * Starts a replica on `databaseUrl` with its own data directory and a free port, and resolves
 * once it prints `ECS Console: <url>`. `env` overrides the defaults (an empty string unsets).
 */
export async function startReplica(databaseUrl: string, env: Record<string, string> = {}): Promise<Replica> {
  assertBuilt();
  const dataDir = await mkdtemp(join(tmpdir(), 'ecs-console-replica-'));
  const merged: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: '0',
    HOST: '127.0.0.1',
    CONSOLE_DATA_DIR: dataDir,
    CONSOLE_DATABASE_URL: databaseUrl,
    CONSOLE_DATABASE_POOL_SIZE: '5',
    CONSOLE_SESSION_SECRET: SHARED_SESSION_SECRET,
    CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    CONSOLE_EMULATOR: 'always',
    CONSOLE_EMULATOR_SPEED: '500',
    LOG_LEVEL: 'silent',
    ...env,
  };
  for (const [name, value] of Object.entries(merged)) if (value === '') delete merged[name];
  delete merged.NODE_OPTIONS; // vitest's loader hooks are not for the built console
  const child = spawn(process.execPath, [MAIN], { cwd: BFF, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /ECS Console: (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', check);
    child.once('exit', (code, signal) =>
      reject(new Error(`replica exited (${code ?? signal}) before it was up:\n${stdout}\n${stderr}`)),
    );
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, process: child, stdout: () => stdout, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
