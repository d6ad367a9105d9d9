#!/usr/bin/env node
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateKeyPair, startEmulator, type EmulatorKey, type EmulatorOptions } from './index.js';

const USAGE = `Usage: pnpm emulator [options]

  --port N                 listen port (default 9100; 0 = any free port)
  --host ADDRESS           listen address (default 127.0.0.1)
  --access-key-id ID       accepted AccessKeyId (with --access-key-secret)
  --access-key-secret S    its secret; without both, a pair is generated and the secret written
                           to --credentials-file, never printed
  --security-token T       make the key an STS key that requires this token
  --credentials-file F     where a generated pair is written, mode 0600 (default .ecs-emulator/credentials.json)
  --seed N                 seed of the generated estate (default 1)
  --instances N            a fleet of N instances in one region instead of the default estate
  --disks N                a region of exactly N disks instead of the default estate: system disks of
                           --instances instances (default N/4), a data disk on each, the rest unattached
  --fleet-region R         region of that fleet (default cn-hangzhou)
  --speed F                emulated seconds per real second (default 1)
  --latency-ms N           delay every answer
  --throttle-rate R        answer this share of requests with Throttling (0-1)
  --error-rate R           answer this share with InternalError / ServiceUnavailable (0-1)
  --rate-limit N           requests per second per AccessKey before Throttling (0 = none)
  --seed-faults N          seed of the throttle and error draws, so their pattern repeats run to run
  --state-file F           keep the state in F across restarts
  --screenshot-format F    jpeg (default, as ECS) or png
  --vnc-public-url URL     DescribeInstanceVncUrl answers <URL>/websockify/?s=<ticket> (ws:// or wss://;
                           default the emulator's own ws://host:port)
  --verbose                log every request (action, status, code, time)
`;

function fail(message: string): never {
  console.error(`ecs-emulator: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function number(
  name: string,
  value: string | undefined,
  options: { integer?: boolean; min?: number; max?: number } = {},
) {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  const ok =
    value.trim() !== '' &&
    Number.isFinite(parsed) &&
    (!options.integer || Number.isInteger(parsed)) &&
    parsed >= (options.min ?? -Infinity) &&
    parsed <= (options.max ?? Infinity);
  if (!ok)
    fail(
      `--${name} must be ${options.integer ? 'an integer' : 'a number'} from ${options.min ?? '-∞'} to ${options.max ?? '∞'}, got "${value}"`,
    );
  return parsed;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'access-key-id': { type: 'string' },
        'access-key-secret': { type: 'string' },
        'security-token': { type: 'string' },
        'credentials-file': { type: 'string' },
        seed: { type: 'string' },
        instances: { type: 'string' },
        disks: { type: 'string' },
        'fleet-region': { type: 'string' },
        speed: { type: 'string' },
        'latency-ms': { type: 'string' },
        'throttle-rate': { type: 'string' },
        'error-rate': { type: 'string' },
        'rate-limit': { type: 'string' },
        'seed-faults': { type: 'string' },
        'state-file': { type: 'string' },
        'screenshot-format': { type: 'string' },
        'vnc-public-url': { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const id = args['access-key-id'];
  const secret = args['access-key-secret'];
  if ((id === undefined) !== (secret === undefined)) fail('--access-key-id and --access-key-secret go together');

  let key: EmulatorKey;
  let credentialsFile: string | undefined;
  if (id !== undefined && secret !== undefined) {
    key = { accessKeyId: id, accessKeySecret: secret, securityToken: args['security-token'] };
  } else {
    key = { ...generateKeyPair(), securityToken: args['security-token'] };
    credentialsFile = resolve(args['credentials-file'] ?? '.ecs-emulator/credentials.json');
    await mkdir(dirname(credentialsFile), { recursive: true, mode: 0o700 });
    await writeFile(credentialsFile, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600 });
  }

  const screenshotFormat = args['screenshot-format'];
  if (screenshotFormat !== undefined && screenshotFormat !== 'jpeg' && screenshotFormat !== 'png') {
    fail(`--screenshot-format must be jpeg or png, got "${screenshotFormat}"`);
  }

  const vncPublicUrl = args['vnc-public-url'];
  if (vncPublicUrl !== undefined && !/^wss?:\/\/[^/?#]+[^?#]*$/.test(vncPublicUrl)) {
    fail(`--vnc-public-url must be a ws:// or wss:// URL without query, got "${vncPublicUrl}"`);
  }

  const options: EmulatorOptions = {
    screenshotFormat,
    vncPublicUrl,
    port: number('port', args.port ?? '9100', { integer: true, min: 0, max: 65535 }),
    host: args.host ?? '127.0.0.1',
    keys: [key],
    seed: number('seed', args.seed, { integer: true, min: 0 }),
    instances: number('instances', args.instances, { integer: true, min: 0, max: 1_000_000 }),
    disks: number('disks', args.disks, { integer: true, min: 0, max: 1_000_000 }),
    fleetRegion: args['fleet-region'],
    speed: number('speed', args.speed, { min: 0.001, max: 1_000_000 }),
    latencyMs: number('latency-ms', args['latency-ms'], { min: 0, max: 600_000 }),
    throttleRate: number('throttle-rate', args['throttle-rate'], { min: 0, max: 1 }),
    errorRate: number('error-rate', args['error-rate'], { min: 0, max: 1 }),
    rateLimitPerSecond: number('rate-limit', args['rate-limit'], { min: 0 }),
    faultSeed: number('seed-faults', args['seed-faults'], { integer: true, min: 0, max: 0xffffffff }),
    stateFile: args['state-file'] ? resolve(args['state-file']) : undefined,
    onRequest: args.verbose
      ? (entry) =>
          console.log(
            `${entry.requestId} ${entry.action || '-'} ${entry.status}${entry.code ? ` ${entry.code}` : ''} ${entry.ms.toFixed(1)}ms`,
          )
      : undefined,
  };
  const emulator = await startEmulator(options);
  console.log(`ECS emulator listening on ${emulator.url}`);
  console.log(`AccessKeyId: ${key.accessKeyId}`);
  if (credentialsFile) console.log(`AccessKeySecret written to ${credentialsFile} (mode 0600)`);

  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
