#!/usr/bin/env node
// A private, throw-away PostgreSQL cluster for the tests: a fresh directory, a free loopback port,
// no password (trust), durability off (the data is thrown away). Debian's `postgresql` package is
// installed when missing and running as root, like scripts/ensure-chromium.mjs.
//
//   node scripts/postgres-server.mjs    starts one, prints its URL, stops it on Ctrl-C
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TOOLS = ['initdb', 'pg_ctl', 'postgres'];
const INSTALL_COMMAND = 'apt-get install -y --no-install-recommends postgresql';

/** The directory holding initdb, pg_ctl and postgres: on PATH, else the newest /usr/lib/postgresql/<n>/bin. */
function findBinDir() {
  const onPath = (process.env.PATH ?? '').split(':').filter(Boolean);
  for (const dir of onPath) {
    if (TOOLS.every((tool) => existsSync(join(dir, tool)))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(root, version, 'bin');
    if (TOOLS.every((tool) => existsSync(join(dir, tool)))) return dir;
  }
  return undefined;
}

const isRoot = () => process.getuid?.() === 0;

/** The bin directory of a PostgreSQL installation, installing Debian's package first when root. */
export function ensurePostgresInstalled() {
  const found = findBinDir();
  if (found) return found;
  if (!isRoot()) {
    throw new Error(
      `PostgreSQL (initdb, pg_ctl, postgres) not found on PATH or in /usr/lib/postgresql/*/bin. ` +
        `Install it (Debian: sudo ${INSTALL_COMMAND}) or point the tests at a server with ` +
        `CONSOLE_TEST_DATABASE_URL=postgres://user:password@host:port/database (a user that may create databases).`,
    );
  }
  console.log('Installing Debian postgresql for the tests...');
  const apt = (args) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', 'postgresql']);
  const installed = findBinDir();
  if (!installed) throw new Error('apt-get finished but initdb, pg_ctl and postgres are still missing.');
  return installed;
}

/** A port nobody listens on right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a private cluster and answers `{ url, port, dataDir, stop() }`. PostgreSQL refuses to run
 * as root, so as root the cluster belongs to (and runs as) the `postgres` user.
 */
export async function startPostgres() {
  const binDir = ensurePostgresInstalled();
  const dataDir = await mkdtemp(join(tmpdir(), 'ecs-console-pg-'));
  const asOwner = async (tool, args) => {
    const command = join(binDir, tool);
    try {
      if (isRoot()) return await run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: tmpdir() });
      return await run(command, args);
    } catch (error) {
      throw new Error(`${tool} failed: ${error.stderr || error.message}`, { cause: error });
    }
  };
  if (isRoot()) {
    const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
      throw new Error('running as root, but there is no `postgres` user to own the test cluster');
    });
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dataDir, Number(stdout.trim()), Number(gid.trim()));
  }
  const cluster = join(dataDir, 'data');
  await asOwner('initdb', ['-D', cluster, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const settings = [
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
    'listen_addresses=127.0.0.1',
    `unix_socket_directories=${dataDir}`,
    'max_connections=300',
  ];
  let port;
  // Another process may take the free port between the check and the start: try a few.
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    const options = [`-p ${port}`, ...settings.map((setting) => `-c ${setting}`)].join(' ');
    try {
      await asOwner('pg_ctl', ['-D', cluster, '-l', join(dataDir, 'server.log'), '-w', '-s', '-o', options, 'start']);
      break;
    } catch (error) {
      if (attempt >= 3) {
        await rm(dataDir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await asOwner('pg_ctl', ['-D', cluster, '-m', 'immediate', '-w', '-s', 'stop']).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
    /**
     * Stops the server (its sessions end at once) but keeps its files, so `restart()` brings the
     * same databases back. Fast, not immediate: with synchronous_commit off an immediate stop
     * would lose the last commits.
     */
    async pause() {
      await asOwner('pg_ctl', ['-D', cluster, '-m', 'fast', '-w', '-s', 'stop']);
    },
    async restart() {
      const options = [`-p ${port}`, ...settings.map((setting) => `-c ${setting}`)].join(' ');
      await asOwner('pg_ctl', ['-D', cluster, '-l', join(dataDir, 'server.log'), '-w', '-s', '-o', options, 'start']);
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startPostgres();
  console.log(server.url);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
