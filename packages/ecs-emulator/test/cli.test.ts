import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EcsClient } from '@ecs-console/ecs-client';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'packages/ecs-emulator/dist/cli.js');
const children: ChildProcess[] = [];

beforeAll(() => {
  // The CLI runs as users run it: compiled. `tsc -b` is a no-op when the build is current.
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/ecs-emulator/tsconfig.build.json'],
    {
      cwd: root,
    },
  );
}, 120_000);

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

const GIVEN_KEY = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
/** Any free port, and the key the CLI is to accept. */
const GIVEN_KEY_ARGS = [
  '--port',
  '0',
  '--access-key-id',
  GIVEN_KEY.accessKeyId,
  '--access-key-secret',
  GIVEN_KEY.accessKeySecret,
];

/** Starts the CLI and resolves with everything it printed up to the line that names its URL. */
function startCli(args: string[], cwd: string): Promise<{ output: string; url: string }> {
  const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ECS emulator listening on (http:\/\/\S+)/.exec(output);
      // With a generated key the last line names the credentials file; with a given key, the AccessKeyId.
      const lastLine = args.includes('--access-key-id') ? 'AccessKeyId:' : 'mode 0600';
      if (match && output.includes(lastLine)) {
        resolve({ output, url: match[1]! });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the CLI exited with ${code}: ${output}`)));
  });
}

// Each test starts a Node process; on a loaded machine that alone can take seconds.
describe('pnpm emulator (the CLI)', { timeout: 30_000 }, () => {
  it('generates a key pair, prints only the AccessKeyId, and keeps the secret in a 0600 file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emulator-cli-'));
    const { output, url } = await startCli(['--port', '0', '--speed', '50'], dir);
    const file = join(dir, '.ecs-emulator/credentials.json');
    const key = JSON.parse(await readFile(file, 'utf8')) as { accessKeyId: string; accessKeySecret: string };
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(output).toContain(`AccessKeyId: ${key.accessKeyId}`);
    expect(output).not.toContain(key.accessKeySecret);

    const client = new EcsClient({ credentials: key, endpoint: url });
    const { Regions } = await client.call('DescribeRegions');
    expect(Regions.Region.length).toBeGreaterThanOrEqual(4);
    await client.close();
  });

  it('accepts the key it is given, builds a fleet of the size asked and seeds the faults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emulator-cli-'));
    const { url } = await startCli([...GIVEN_KEY_ARGS, '--instances', '250', '--seed', '7', '--seed-faults', '9'], dir);
    const status = (await (await fetch(`${url}/__emulator/status`)).json()) as { faults: { seed: number } };
    expect(status.faults.seed).toBe(9);
    const client = new EcsClient({ credentials: GIVEN_KEY, endpoint: url });
    const page = await client.call('DescribeInstances', { RegionId: 'cn-hangzhou', PageSize: 1 });
    expect(page.TotalCount).toBe(250);
    await client.close();
  });

  it('builds a region of exactly --disks disks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emulator-cli-'));
    const { url } = await startCli([...GIVEN_KEY_ARGS, '--disks', '400', '--fleet-region', 'cn-shanghai'], dir);
    const client = new EcsClient({ credentials: GIVEN_KEY, endpoint: url });
    const page = await client.call('DescribeDisks', { RegionId: 'cn-shanghai', PageSize: 1 });
    expect(page.TotalCount).toBe(400);
    const instances = await client.call('DescribeInstances', { RegionId: 'cn-shanghai', PageSize: 1 });
    expect(instances.TotalCount).toBe(100);
    await client.close();
  });

  it('answers VNC addresses under --vnc-public-url', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emulator-cli-'));
    const { url } = await startCli([...GIVEN_KEY_ARGS, '--vnc-public-url', 'wss://hz01-vncproxy.aliyun.com'], dir);
    const client = new EcsClient({ credentials: GIVEN_KEY, endpoint: url });
    const running = await client.call('DescribeInstances', { RegionId: 'cn-hangzhou', Status: 'Running', PageSize: 1 });
    const { VncUrl } = await client.call('DescribeInstanceVncUrl', {
      RegionId: 'cn-hangzhou',
      InstanceId: running.Instances.Instance[0]!.InstanceId,
    });
    expect(decodeURIComponent(VncUrl)).toMatch(/^wss:\/\/hz01-vncproxy\.aliyun\.com\/websockify\/\?s=[\w-]+$/);
    await client.close();
  });

  it('refuses a --vnc-public-url that is not a ws:// or wss:// URL', () => {
    let message = '';
    try {
      execFileSync(process.execPath, [cli, '--vnc-public-url', 'https://example.com'], { stdio: 'pipe' });
    } catch (error) {
      message = String((error as { stderr: Buffer }).stderr);
    }
    expect(message).toContain('--vnc-public-url must be a ws:// or wss:// URL');
  });

  it('refuses a bad flag value with a message that names it', () => {
    let message = '';
    try {
      execFileSync(process.execPath, [cli, '--throttle-rate', '3'], { stdio: 'pipe' });
    } catch (error) {
      message = String((error as { stderr: Buffer }).stderr);
    }
    expect(message).toContain('--throttle-rate must be a number from 0 to 1');
  });
});
