import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig, startConsole } from '../src/index.js';
import { Browser } from './support/console-harness.js';

describe('logs', () => {
  it('never contain the AccessKey secret, passwords or session cookies, even at trace level', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const config = loadConfig({
      PORT: '0',
      CONSOLE_DATA_DIR: await mkdtemp(join(tmpdir(), 'ecs-console-logs-')),
      CONSOLE_ADMIN_PASSWORD: 'log-test-admin-password',
      CONSOLE_EMULATOR: 'always',
      CONSOLE_EMULATOR_ACCESS_KEY_ID: 'LOGTESTKEY',
      CONSOLE_EMULATOR_ACCESS_KEY_SECRET: 'log-test-secret-MUST-NOT-APPEAR',
    });
    const app = await startConsole(config, pino({ level: 'trace' }, sink));
    try {
      const browser = new Browser(app.url);
      await browser.login('admin', 'wrong-password-attempt');
      await browser.login('admin', 'log-test-admin-password');
      const list = await browser.post('/api/ecs/DescribeInstances', { RegionId: 'cn-hangzhou', PageSize: 1 });
      const id = (list.body.Instances as { Instance: { InstanceId: string }[] }).Instance[0]!.InstanceId;
      await browser.post('/api/ecs/ModifyInstanceAttribute', {
        RegionId: 'cn-hangzhou',
        InstanceId: id,
        Password: 'New-Passw0rd!x',
      });
      await browser.post('/api/ecs/StartInstance', { RegionId: 'cn-hangzhou', InstanceId: id });
      await browser.get('/api/regions/cn-hangzhou/instances');
      const cookie = browser.seen
        .flatMap((r) => r.headers.getSetCookie())
        .find((c) => c.startsWith('ecs_console_session='))!;
      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(5);
      for (const secret of [
        'log-test-secret-MUST-NOT-APPEAR',
        'log-test-admin-password',
        'wrong-password-attempt',
        'New-Passw0rd!x',
        cookie.split(';')[0]!.split('=')[1]!,
      ]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await app.close();
    }
  }, 30_000);
});
