import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.js';
import { StorageUnavailableError } from '../src/storage/database.js';
import { ADMIN_PASSWORD, Browser, startTestConsole } from './support/console-harness.js';

describe('configuration', () => {
  it('applies defaults and resolves the data directory', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      CONSOLE_EMULATOR: 'auto',
      CONSOLE_DEFAULT_REGION: 'cn-hangzhou',
      CONSOLE_ECS_MAX_ATTEMPTS: 10,
    });
    expect(config.CONSOLE_DATA_DIR).toMatch(/^\//);
  });

  it('stops the start with a message naming every bad setting', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', ECS_ENDPOINT: 'ftp://x', CONSOLE_SESSION_SECRET: 'short' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('ECS_ENDPOINT');
    expect(message).toContain('CONSOLE_SESSION_SECRET: must be at least 32 characters');
  });
});

/** A port on 127.0.0.1 with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('when ECS cannot be reached', () => {
  it('answers 502 with a clear message', async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'unreachable-id';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'unreachable-secret';
    const app = await startTestConsole({
      CONSOLE_EMULATOR: 'auto',
      ECS_ENDPOINT: `http://127.0.0.1:${await closedPort()}`,
      CONSOLE_ECS_MAX_ATTEMPTS: '2',
    });
    try {
      expect(app.backend.kind).toBe('endpoint');
      const browser = new Browser(app.url);
      await browser.login('admin', ADMIN_PASSWORD);
      const response = await browser.post('/api/ecs/DescribeRegions');
      expect(response.status).toBe(502);
      expect(response.body).toMatchObject({
        code: 'EcsUnreachable',
        message: expect.stringContaining('could not be reached') as unknown,
      });
    } finally {
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
      await app.close();
    }
  }, 120_000);
});

describe('when the database cannot be reached at start', () => {
  it('does not start, with an error that says the database is unavailable', async () => {
    const start = startTestConsole({
      CONSOLE_DATABASE_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/console`,
      CONSOLE_DATABASE_CONNECT_TIMEOUT_MS: '2000',
    });
    await expect(start).rejects.toBeInstanceOf(StorageUnavailableError);
  }, 120_000);
});

describe('login rate limit', () => {
  it('answers 429 after ten failed attempts', async () => {
    const app = await startTestConsole();
    try {
      const browser = new Browser(app.url);
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await browser.login('admin', `wrong-${i}`)).status);
      expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
      expect(browser.seen.at(-1)!.body.code).toBe('TooManyLoginAttempts');
    } finally {
      await app.close();
    }
  }, 120_000);
});
