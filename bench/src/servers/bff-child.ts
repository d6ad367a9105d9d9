import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Credentials } from '@ecs-console/ecs-client';
import { startChildServer, type ChildServer } from '../lib/child-server.js';

export const ADMIN_PASSWORD = 'bench-admin-password';

/** The BFF in its own process on `ecsUrl` (an emulator), configured by `env` as in production. */
export async function startBff(
  ecsUrl: string,
  credentials: Credentials,
  env: Readonly<Record<string, string>> = {},
): Promise<ChildServer> {
  return startChildServer(new URL('./console-server.js', import.meta.url), [], {
    PORT: '0',
    LOG_LEVEL: 'silent',
    CONSOLE_DATA_DIR: await mkdtemp(join(tmpdir(), 'bench-console-')),
    CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ECS_ENDPOINT: ecsUrl,
    ALIBABA_CLOUD_ACCESS_KEY_ID: credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: credentials.accessKeySecret,
    ...env,
  });
}

/**
 * A console with no ECS behind it, for storage benchmarks: `env` picks its database
 * (CONSOLE_DATABASE_URL, or CONSOLE_DATA_DIR for the embedded one); ECS calls would go to a closed
 * port, and none are made.
 */
export function startStorageConsole(env: Readonly<Record<string, string>>): Promise<ChildServer> {
  return startBff('http://127.0.0.1:9', { accessKeyId: 'bench-no-ecs', accessKeySecret: 'bench-no-ecs-secret' }, env);
}

/** A session cookie of the BFF's admin (a new session each time). */
export async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'ecs-console', origin: url },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

/**
 * Lists a region's instances (or disks, snapshots) through the BFF; checks the count from the
 * answer's end without parsing 12 MB here. Uncompressed, as the floor's pages are: compression is
 * measured by the wire-size suite.
 */
export async function listThroughBff(
  url: string,
  cookie: string,
  regionId: string,
  expected: number,
  kind: 'instances' | 'disks' | 'snapshots' = 'instances',
): Promise<void> {
  const response = await fetch(`${url}/api/regions/${regionId}/${kind}`, {
    headers: { cookie, 'accept-encoding': 'identity' },
  });
  const text = await response.text();
  if (!text.slice(-200).includes(`"totalCount":${expected},`)) {
    throw new Error(`expected ${expected} ${kind}, got ${response.status} ${text.slice(0, 200)}`);
  }
}

/** Ends the region's shared listing in the BFF: a write ECS refuses (an unknown instance) still counts as a write. */
export async function invalidateListing(url: string, cookie: string, regionId: string): Promise<void> {
  const response = await fetch(`${url}/api/ecs/StopInstance`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-requested-with': 'ecs-console', origin: url },
    body: JSON.stringify({ RegionId: regionId, InstanceId: 'i-nosuchinstance0' }),
  });
  if (response.status < 400) throw new Error(`expected ECS to refuse, got ${response.status}`);
}
