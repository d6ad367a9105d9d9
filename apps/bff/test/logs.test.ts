import { describe, expect, it } from 'vitest';
import { Browser, memoryLogger, startTestConsole } from './support/console-harness.js';

describe('logs', () => {
  it('never contain the AccessKey secret, passwords or session cookies, even at trace level', async () => {
    const { logger, lines } = memoryLogger();
    const app = await startTestConsole(
      {
        CONSOLE_ADMIN_PASSWORD: 'log-test-admin-password',
        CONSOLE_EMULATOR_ACCESS_KEY_ID: 'LOGTESTKEY',
        CONSOLE_EMULATOR_ACCESS_KEY_SECRET: 'log-test-secret-MUST-NOT-APPEAR',
        LOG_LEVEL: 'trace',
      },
      logger,
    );
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
      // Reading the audit log (entries hold redacted params) logs no secret either.
      const audit = await browser.get('/api/audit?limit=500');
      const exported = await browser.get('/api/audit/export');
      expect(audit.status).toBe(200);
      expect(exported.status).toBe(200);
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
        expect(audit.text).not.toContain(secret);
        expect(exported.text).not.toContain(secret);
      }
    } finally {
      await app.close();
    }
  }, 120_000);
});
