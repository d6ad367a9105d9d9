import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = new URL('../../../', import.meta.url);
const source = (path: string) => new URL(path, repo).href;

/**
 * ESM loader hooks for a child Node process: they run the TypeScript sources (transpiled with
 * `typescript`, workspace packages mapped to their `src`) and report every module URL resolved,
 * so the test sees exactly what the real ESM loader loads.
 */
const HOOKS = `
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
let port, ts, aliases;
export async function initialize(data) {
  port = data.port;
  aliases = data.aliases;
  ts = (await import(data.typescript)).default;
}
export async function resolve(specifier, context, next) {
  let url = aliases[specifier];
  if (!url && specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.replace(/\\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) url = candidate.href;
  }
  const result = url ? { url, shortCircuit: true } : await next(specifier, context);
  port.postMessage(result.url);
  return result;
}
export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const text = await readFile(fileURLToPath(url), 'utf8');
  const { outputText } = ts.transpileModule(text, {
    fileName: fileURLToPath(url),
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
`;

/**
 * Opens the backend once per environment given, in order, in one child process, and prints each
 * backend's kind with the module URLs loaded so far.
 */
const CHILD = `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const [hooks, typescript, aliases, configModule, backendModule, environments] = JSON.parse(process.argv[2]);
const { port1, port2 } = new MessageChannel();
const loaded = [];
let drained;
port1.on('message', (url) => (url.startsWith('data:') ? drained() : loaded.push(url)));
register(hooks, { data: { port: port2, typescript, aliases }, transferList: [port2] });
const { loadConfig } = await import(configModule);
const { openEcsBackend } = await import(backendModule);
const quiet = { debug() {}, warn() {} };
const base = { ...process.env };
const results = [];
for (const [index, env] of environments.entries()) {
  for (const name of Object.keys(process.env)) if (!(name in base)) delete process.env[name];
  Object.assign(process.env, env);
  const backend = await openEcsBackend(loadConfig(process.env), quiet);
  await backend.close();
  // Hook messages arrive in order: once this import's has, every earlier one has too.
  await new Promise((resolve) => {
    drained = resolve;
    void import('data:text/javascript,export default ' + index);
  });
  results.push({ kind: backend.kind, loaded: [...loaded] });
}
port1.close();
console.log(JSON.stringify(results));
`;

interface Opened {
  readonly kind: string;
  /** Every module URL resolved up to and including this opening. */
  readonly loaded: string[];
}

async function openInChild(environments: Record<string, string>[]): Promise<Opened[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ecs-backend-lazy-'));
  const hooks = join(dir, 'hooks.mjs');
  const child = join(dir, 'child.mjs');
  await writeFile(hooks, HOOKS);
  await writeFile(child, CHILD);
  const typescript = pathToFileURL(createRequire(import.meta.url).resolve('typescript')).href;
  const aliases = {
    '@ecs-console/contract': source('packages/contract/src/index.ts'),
    '@ecs-console/ecs-client': source('packages/ecs-client/src/index.ts'),
    '@ecs-console/ecs-emulator': source('packages/ecs-emulator/src/index.ts'),
  };
  const args = JSON.stringify([
    pathToFileURL(hooks).href,
    typescript,
    aliases,
    source('apps/bff/src/config.ts'),
    source('apps/bff/src/ecs/backend.ts'),
    environments,
  ]);
  const { stdout } = await run(process.execPath, [child, args], {
    env: { PATH: process.env.PATH ?? '', HOME: dir, CONSOLE_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' },
    timeout: 90_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Opened[];
}

const emulatorModules = (loaded: string[]) => loaded.filter((url) => url.includes('/packages/ecs-emulator/'));
const KEY = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'lazy-test-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'lazy-test-secret' };

describe('the embedded emulator is loaded only when used', () => {
  it('is not loaded by a console calling Alibaba Cloud or an ECS endpoint, and is when the console runs on it', async () => {
    const [cloud, endpoint, embedded] = await openInChild([
      KEY,
      { ...KEY, ECS_ENDPOINT: 'http://127.0.0.1:9' },
      { CONSOLE_EMULATOR: 'always' },
    ]);
    expect(cloud!.kind).toBe('cloud');
    expect(cloud!.loaded).toContain(source('apps/bff/src/ecs/backend.ts'));
    expect(cloud!.loaded).toContain(source('packages/ecs-client/src/client.ts'));
    expect(emulatorModules(cloud!.loaded)).toEqual([]);
    expect(endpoint!.kind).toBe('endpoint');
    expect(emulatorModules(endpoint!.loaded)).toEqual([]);
    // The same child then runs on the embedded emulator, which does load it: the check can fail.
    expect(embedded!.kind).toBe('emulator');
    expect(embedded!.loaded).toContain(source('packages/ecs-emulator/src/index.ts'));
  }, 90_000);
});
