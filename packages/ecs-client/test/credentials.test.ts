import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cliConfigCredentials,
  credentialsChain,
  defaultCredentialsProvider,
  environmentCredentials,
  memoizeCredentials,
  staticCredentials,
  type Credentials,
} from '../src/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecs-client-credentials-'));
});

async function writeConfig(name: string, config: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(config), { mode: 0o600 });
  return path;
}

const CLI_CONFIG = {
  current: 'prod',
  profiles: [
    {
      name: 'default',
      mode: 'AK',
      access_key_id: 'id-default',
      access_key_secret: 'secret-default',
      region_id: 'cn-hangzhou',
    },
    { name: 'prod', mode: 'AK', access_key_id: 'id-prod', access_key_secret: 'secret-prod' },
    { name: 'sts', mode: 'StsToken', access_key_id: 'STS.id', access_key_secret: 'sts-secret', sts_token: 'token-1' },
    { name: 'role', mode: 'RamRoleArn', access_key_id: 'x', access_key_secret: 'y', ram_role_arn: 'acs:ram::1:role/r' },
  ],
};

describe('environment', () => {
  it('reads the variable names the official SDKs use', async () => {
    const provider = environmentCredentials({
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'env-token',
    });
    await expect(provider()).resolves.toEqual({
      accessKeyId: 'env-id',
      accessKeySecret: 'env-secret',
      securityToken: 'env-token',
    });
  });

  it('names the missing half of a half-set pair', async () => {
    await expect(environmentCredentials({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id' })()).rejects.toMatchObject({
      kind: 'credentials',
      code: 'Credentials.Incomplete',
      message: expect.stringContaining('ALIBABA_CLOUD_ACCESS_KEY_SECRET') as unknown,
    });
  });
});

describe('aliyun CLI config', () => {
  it("uses the file's current profile", async () => {
    const path = await writeConfig('current.json', CLI_CONFIG);
    await expect(cliConfigCredentials({ path, env: {} })()).resolves.toEqual({
      accessKeyId: 'id-prod',
      accessKeySecret: 'secret-prod',
    });
  });

  it('lets ALIBABA_CLOUD_PROFILE choose the profile, and reads StsToken mode', async () => {
    const path = await writeConfig('sts.json', CLI_CONFIG);
    await expect(cliConfigCredentials({ path, env: { ALIBABA_CLOUD_PROFILE: 'sts' } })()).resolves.toEqual({
      accessKeyId: 'STS.id',
      accessKeySecret: 'sts-secret',
      securityToken: 'token-1',
    });
  });

  it('falls back to the profile named default', async () => {
    const path = await writeConfig('nocurrent.json', { profiles: CLI_CONFIG.profiles });
    await expect(cliConfigCredentials({ path, env: {} })()).resolves.toMatchObject({ accessKeyId: 'id-default' });
  });

  it('gives a clear error for modes it does not support', async () => {
    const path = await writeConfig('role.json', CLI_CONFIG);
    await expect(cliConfigCredentials({ path, profile: 'role' })()).rejects.toMatchObject({
      code: 'Credentials.UnsupportedMode',
      message: expect.stringContaining('RamRoleArn') as unknown,
    });
  });

  it('reports a missing file or profile as not found', async () => {
    await expect(cliConfigCredentials({ path: join(dir, 'absent.json') })()).rejects.toMatchObject({
      code: 'Credentials.NotFound',
    });
    const path = await writeConfig('p.json', CLI_CONFIG);
    await expect(cliConfigCredentials({ path, profile: 'nope' })()).rejects.toMatchObject({
      code: 'Credentials.NotFound',
    });
  });
});

describe('chain', () => {
  it('prefers the environment over the CLI file', async () => {
    const path = await writeConfig('chain.json', CLI_CONFIG);
    const provider = defaultCredentialsProvider({
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret' },
      cliConfig: { path },
    });
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'env-id' });
  });

  it('falls through to the CLI file when the environment has nothing', async () => {
    const path = await writeConfig('chain2.json', CLI_CONFIG);
    await expect(defaultCredentialsProvider({ env: {}, cliConfig: { path } })()).resolves.toMatchObject({
      accessKeyId: 'id-prod',
    });
  });

  it('stops at a misconfiguration instead of silently using another account', async () => {
    const path = await writeConfig('chain3.json', CLI_CONFIG);
    await expect(
      defaultCredentialsProvider({ env: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'half' }, cliConfig: { path } })(),
    ).rejects.toMatchObject({ code: 'Credentials.Incomplete' });
  });

  it('says where it looked when nothing is found', async () => {
    const error = (await credentialsChain(
      environmentCredentials({}),
      cliConfigCredentials({ path: join(dir, 'none.json') }),
    )().catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/ALIBABA_CLOUD_ACCESS_KEY_ID.*none\.json/s);
  });

  it('memoizes success and retries after failure', async () => {
    let calls = 0;
    const flaky = memoizeCredentials(() => {
      calls++;
      return calls === 1
        ? Promise.reject(new Error('first'))
        : Promise.resolve<Credentials>({ accessKeyId: 'a', accessKeySecret: 'b' });
    });
    await expect(flaky()).rejects.toThrow('first');
    await expect(flaky()).resolves.toMatchObject({ accessKeyId: 'a' });
    await flaky();
    expect(calls).toBe(2);
  });

  it('rejects an incomplete static pair at construction', () => {
    expect(() => staticCredentials({ accessKeyId: 'a', accessKeySecret: '' })).toThrow(/both required/);
  });
});
