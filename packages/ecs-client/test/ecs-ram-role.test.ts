import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultCredentialsProvider,
  ecsRamRoleCredentials,
  EcsClient,
  looksLikeEcsInstance,
  type EcsError,
} from '../src/index.js';
import { MetadataServer, roleCredentials } from './support/metadata-server.js';
import { TestServer } from './support/test-server.js';

const HOUR = 3_600_000;
let metadata: MetadataServer;
/** The clock the providers under test read; tests move it. */
let clock = Date.parse('2026-11-30T12:00:00Z');
const now = () => clock;

beforeAll(async () => {
  metadata = await MetadataServer.start();
});
afterAll(() => metadata.close());
afterEach(() => {
  metadata.requests.length = 0;
  Object.assign(metadata, {
    roleName: 'console-role',
    tokenStatus: 200,
    requireToken: true,
    silent: false,
    role: () => ({}),
  });
  clock = Date.parse('2026-11-30T12:00:00Z');
});

/** Serves role credentials numbered 1, 2, ... each valid for an hour from the test clock. */
function servesRotatingKeys(): { issued: () => number } {
  let issued = 0;
  metadata.role = () => roleCredentials(++issued, clock + HOUR);
  return { issued: () => issued };
}

const provider = (options: Parameters<typeof ecsRamRoleCredentials>[0] = {}) =>
  ecsRamRoleCredentials({ endpoint: metadata.url, now, ...options });

describe('ECS RAM role credentials', () => {
  it('gets a session token, discovers the role and returns its STS credentials', async () => {
    servesRotatingKeys();
    const credentials = await provider()();
    expect(credentials).toEqual({
      accessKeyId: 'STS.role-key-1',
      accessKeySecret: 'role-secret-1-DO-NOT-LEAK',
      securityToken: 'role-token-1-DO-NOT-LEAK',
      expiration: new Date(clock + HOUR),
    });
    const [token, ...reads] = metadata.requests;
    expect(token).toMatchObject({ method: 'PUT', path: '/latest/api/token' });
    expect(token!.headers['x-aliyun-ecs-metadata-token-ttl-seconds']).toBe('21600');
    expect(reads.map((r) => r.path)).toEqual([
      '/latest/meta-data/ram/security-credentials/',
      '/latest/meta-data/ram/security-credentials/console-role',
    ]);
    for (const read of reads) expect(read.headers['x-aliyun-ecs-metadata-token']).toBe(metadata.token);
  });

  it('uses a configured role name without listing roles', async () => {
    servesRotatingKeys();
    await provider({ roleName: 'console-role' })();
    expect(metadata.metadataReads.map((r) => r.path)).toEqual([
      '/latest/meta-data/ram/security-credentials/console-role',
    ]);
  });

  it('caches the credentials, and concurrent callers share one fetch', async () => {
    const { issued } = servesRotatingKeys();
    const credentialsOf = provider();
    const all = await Promise.all(Array.from({ length: 20 }, () => credentialsOf()));
    expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set(['STS.role-key-1']));
    await credentialsOf();
    expect(issued()).toBe(1);
  });

  it('fetches fresh credentials a few minutes before they expire, not before', async () => {
    const { issued } = servesRotatingKeys();
    const credentialsOf = provider();
    expect((await credentialsOf()).accessKeyId).toBe('STS.role-key-1');
    clock += HOUR - 4 * 60_000; // 4 minutes left: still fine
    expect((await credentialsOf()).accessKeyId).toBe('STS.role-key-1');
    clock += 2 * 60_000; // 2 minutes left: inside the 3-minute refresh window
    const refreshed = await Promise.all([credentialsOf(), credentialsOf(), credentialsOf()]);
    expect(refreshed.map((c) => c.accessKeyId)).toEqual(['STS.role-key-2', 'STS.role-key-2', 'STS.role-key-2']);
    expect(issued()).toBe(2);
  });

  it('keeps still-valid credentials when a refresh fails, and fails once they have expired', async () => {
    servesRotatingKeys();
    const credentialsOf = provider();
    await credentialsOf();
    metadata.role = () => ({ status: 500, body: 'metadata service hiccup' });
    clock += HOUR - 60_000;
    expect((await credentialsOf()).accessKeyId).toBe('STS.role-key-1');
    clock += 2 * 60_000;
    await expect(credentialsOf()).rejects.toMatchObject({
      kind: 'credentials',
      code: 'Credentials.EcsRamRole',
      message: 'ECS RAM role: fetching role "console-role" failed (HTTP 500)',
    });
  });

  it('discovers the role again when the one it found is no longer attached', async () => {
    const { issued } = servesRotatingKeys();
    const credentialsOf = provider();
    await credentialsOf();
    metadata.roleName = 'replacement-role';
    clock += HOUR;
    await expect(credentialsOf()).rejects.toMatchObject({
      message: expect.stringContaining('no credentials for role "console-role"') as unknown,
    });
    const rediscovered = await credentialsOf();
    expect(rediscovered.accessKeyId).toBe(`STS.role-key-${issued()}`);
    expect(issued()).toBe(2);
    expect(metadata.metadataReads.at(-1)!.path).toBe('/latest/meta-data/ram/security-credentials/replacement-role');
  });

  it('falls back to token-less requests when the token is refused, unless IMDSv1 is disabled', async () => {
    servesRotatingKeys();
    metadata.tokenStatus = 403;
    metadata.requireToken = false;
    await expect(provider()()).resolves.toMatchObject({ accessKeyId: 'STS.role-key-1' });
    expect(metadata.metadataReads.every((r) => r.headers['x-aliyun-ecs-metadata-token'] === undefined)).toBe(true);
    await expect(provider({ disableImdsV1: true })()).rejects.toMatchObject({
      code: 'Credentials.EcsRamRole',
      message: expect.stringContaining('IMDSv1 is disabled') as unknown,
    });
  });

  it('says when no role is attached: not found inside the chain, an error when the role was asked for', async () => {
    metadata.roleName = undefined;
    await expect(provider({ required: false })()).rejects.toMatchObject({
      code: 'Credentials.NotFound',
      message: 'ECS RAM role: no RAM role is attached to this instance',
    });
    await expect(provider()()).rejects.toMatchObject({ code: 'Credentials.EcsRamRole' });
    await expect(provider({ roleName: 'other-role' })()).rejects.toMatchObject({
      message: expect.stringContaining('no credentials for role "other-role" (HTTP 404)') as unknown,
    });
  });

  it('rejects answers that are not Success or lack fields, without quoting secrets', async () => {
    const secret = 'leaky-secret-DO-NOT-LEAK';
    metadata.role = () => ({ ...roleCredentials(1, clock + HOUR), AccessKeySecret: secret, Code: 'Failed' });
    const failed = (await provider()().catch((e: unknown) => e)) as EcsError;
    expect(failed.message).toBe(
      'ECS RAM role: the metadata service answered Code Failed for role "console-role", not Success',
    );
    metadata.role = () => ({ Code: 'Success', AccessKeyId: 'STS.x', AccessKeySecret: secret });
    const incomplete = (await provider()().catch((e: unknown) => e)) as EcsError;
    expect(incomplete.message).toBe('ECS RAM role: the answer for role "console-role" lacks SecurityToken, Expiration');
    metadata.role = () => ({ status: 200, body: `not json ${secret}` });
    const garbled = (await provider()().catch((e: unknown) => e)) as EcsError;
    for (const error of [failed, incomplete, garbled]) {
      expect(`${error.message} ${inspect(error)} ${JSON.stringify(error)}`).not.toContain(secret);
    }
  });

  it('gives up on a metadata service that does not answer, without hanging', async () => {
    metadata.silent = true;
    await expect(provider({ timeoutMs: 200, required: false })()).rejects.toMatchObject({
      code: 'Credentials.NotFound',
      message: expect.stringContaining('no answer within 200 ms') as unknown,
    });
  });

  it('reports an unreachable metadata service as not found', async () => {
    const closed = await TestServer.start();
    const url = closed.url;
    await closed.close();
    await expect(ecsRamRoleCredentials({ endpoint: url, required: false })()).rejects.toMatchObject({
      code: 'Credentials.NotFound',
      message: expect.stringMatching(/could not be reached \(ECONNREFUSED\); is this an ECS instance\?$/) as unknown,
    });
  });
});

describe('the default chain and the ECS RAM role', () => {
  const noCliConfig = { path: join(tmpdir(), 'no-such-aliyun-config.json') };

  it('ends with the instance role when neither the environment nor the CLI config has a key', async () => {
    servesRotatingKeys();
    const credentials = await defaultCredentialsProvider({
      env: {},
      cliConfig: noCliConfig,
      ecsRamRole: { endpoint: metadata.url },
      onEcsInstance: () => true,
    })();
    expect(credentials.accessKeyId).toBe('STS.role-key-1');
  });

  it('lets ALIBABA_CLOUD_ECS_METADATA name the role and ALIBABA_CLOUD_ECS_METADATA_DISABLED leave it out', async () => {
    servesRotatingKeys();
    await defaultCredentialsProvider({
      env: { ALIBABA_CLOUD_ECS_METADATA: 'console-role' },
      cliConfig: noCliConfig,
      ecsRamRole: { endpoint: metadata.url },
    })();
    expect(metadata.metadataReads.map((r) => r.path)).toEqual([
      '/latest/meta-data/ram/security-credentials/console-role',
    ]);
    metadata.requests.length = 0;
    const error = (await defaultCredentialsProvider({
      env: { ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' },
      cliConfig: noCliConfig,
      ecsRamRole: { endpoint: metadata.url },
    })().catch((e: unknown) => e)) as EcsError;
    expect(error.code).toBe('Credentials.NotFound');
    expect(error.message).not.toContain('ECS RAM role');
    expect(metadata.requests).toHaveLength(0);
  });

  it('asks no metadata service off ECS unless ALIBABA_CLOUD_ECS_METADATA names a role', async () => {
    servesRotatingKeys();
    const error = (await defaultCredentialsProvider({
      env: {},
      cliConfig: noCliConfig,
      ecsRamRole: { endpoint: metadata.url },
      onEcsInstance: () => false,
    })().catch((e: unknown) => e)) as EcsError;
    expect(error.code).toBe('Credentials.NotFound');
    expect(metadata.requests).toHaveLength(0);
  });

  it('recognises an ECS instance by its DMI vendor, and nothing else as one', async () => {
    const dmi = await mkdtemp(join(tmpdir(), 'dmi-'));
    expect(looksLikeEcsInstance(dmi)).toBe(false);
    await writeFile(join(dmi, 'sys_vendor'), 'QEMU\n');
    expect(looksLikeEcsInstance(dmi)).toBe(false);
    await writeFile(join(dmi, 'product_name'), 'Alibaba Cloud ECS\n');
    expect(looksLikeEcsInstance(dmi)).toBe(true);
    await rm(dmi, { recursive: true });
  });

  it('moves on when the instance has no role, naming every place it looked', async () => {
    metadata.roleName = undefined;
    const error = (await defaultCredentialsProvider({
      env: {},
      cliConfig: noCliConfig,
      ecsRamRole: { endpoint: metadata.url },
      onEcsInstance: () => true,
    })().catch((e: unknown) => e)) as EcsError;
    expect(error.code).toBe('Credentials.NotFound');
    expect(error.message).toMatch(/ALIBABA_CLOUD_ACCESS_KEY_ID.*no-such-aliyun-config\.json.*no RAM role/s);
  });
});

describe('a client on refreshing credentials', () => {
  it('signs with the role credentials and picks up the refreshed ones', async () => {
    const ecs = await TestServer.start();
    servesRotatingKeys();
    const client = new EcsClient({ credentials: provider(), endpoint: ecs.url, regionId: 'cn-hangzhou' });
    try {
      await client.call('DescribeRegions');
      clock += HOUR - 60_000;
      await client.call('DescribeRegions');
      const signedWith = ecs.requests.map((r) => [
        /Credential=([^,]+)/.exec(r.headers.authorization ?? '')?.[1],
        r.headers['x-acs-security-token'],
      ]);
      expect(signedWith).toEqual([
        ['STS.role-key-1', 'role-token-1-DO-NOT-LEAK'],
        ['STS.role-key-2', 'role-token-2-DO-NOT-LEAK'],
      ]);
    } finally {
      await client.close();
      await ecs.close();
    }
  });
});
