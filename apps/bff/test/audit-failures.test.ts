import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARNING_HEADER, type AuditEntry } from '@ecs-console/contract';
import { ADMIN_PASSWORD, Browser, memoryLogger, startTestConsole } from './support/console-harness.js';

const { logger, lines } = memoryLogger();
let app: Awaited<ReturnType<typeof startTestConsole>>;
let admin: Browser;
let auditPath: string;

beforeAll(async () => {
  app = await startTestConsole({}, logger);
  auditPath = join(app.dataDir, 'audit.jsonl');
  admin = new Browser(app.url);
  expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
}, 30_000);
afterAll(() => app.close());

async function aStoppedInstance(): Promise<string> {
  const list = await admin.post('/api/ecs/DescribeInstances', { RegionId: 'cn-hangzhou', Status: 'Stopped' });
  return (list.body.Instances as { Instance: { InstanceId: string }[] }).Instance[0]!.InstanceId;
}

async function auditLines(): Promise<AuditEntry[]> {
  return (await readFile(auditPath, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditEntry);
}

/** Makes the audit file unwritable (a directory where the file should be) until `repair` runs. */
async function breakAuditLog(): Promise<{ repair: () => Promise<void> }> {
  await rm(auditPath, { force: true });
  await mkdir(auditPath);
  return { repair: () => rm(auditPath, { recursive: true }) };
}

describe('an audit entry that cannot be stored', () => {
  it('answers an applied write 200 with a warning, and later requests are audited again', async () => {
    const id = await aStoppedInstance();
    const broken = await breakAuditLog();
    const applied = await admin.post('/api/ecs/ModifyInstanceAttribute', {
      RegionId: 'cn-hangzhou',
      InstanceId: id,
      Description: 'written while the audit log is broken',
    });
    expect(applied.status).toBe(200);
    expect(applied.headers.get(WARNING_HEADER)).toBe('AuditNotRecorded');
    expect(applied.body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(applied.body.consoleWarning).toMatchObject({
      code: 'AuditNotRecorded',
      message: expect.stringContaining('audit') as unknown,
    });
    expect(lines.some((line) => line.includes('"level":50') && line.includes('audit'))).toBe(true);

    // A user change that was applied answers 2xx with the warning too.
    const created = await admin.post('/api/users', {
      username: 'unaudited',
      password: 'unaudited-user-password',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get(WARNING_HEADER)).toBe('AuditNotRecorded');

    // So does a VNC console that was opened: the user gets the address, and the warning.
    const running = await admin.post('/api/ecs/DescribeInstances', { RegionId: 'cn-hangzhou', Status: 'Running' });
    const runningId = (running.body.Instances as { Instance: { InstanceId: string }[] }).Instance[0]!.InstanceId;
    const vnc = await admin.post(`/api/instances/cn-hangzhou/${runningId}/vnc`);
    expect(vnc.status).toBe(200);
    expect(vnc.headers.get(WARNING_HEADER)).toBe('AuditNotRecorded');
    expect(vnc.body.websocketUrl).toMatch(/^wss?:\/\//);
    expect(vnc.body.consoleWarning).toMatchObject({ code: 'AuditNotRecorded' });

    await broken.repair();
    const later = await admin.post('/api/ecs/ModifyInstanceAttribute', {
      RegionId: 'cn-hangzhou',
      InstanceId: id,
      Description: 'written after the repair',
    });
    expect(later.status).toBe(200);
    expect(later.headers.get(WARNING_HEADER)).toBeNull();
    expect(later.body.consoleWarning).toBeUndefined();
    const login = await new Browser(app.url).login('admin', ADMIN_PASSWORD);
    expect(login.status).toBe(200);
    const stored = await auditLines();
    expect(stored.map((entry) => entry.params.Description ?? entry.event)).toEqual([
      'written after the repair',
      'login',
    ]);
  }, 60_000);

  it('still lets staff sign in while the log is broken, and says so', async () => {
    const broken = await breakAuditLog();
    try {
      const browser = new Browser(app.url);
      const login = await browser.login('admin', ADMIN_PASSWORD);
      expect(login.status).toBe(200);
      expect(login.headers.get(WARNING_HEADER)).toBe('AuditNotRecorded');
      expect((await browser.get('/api/session')).status).toBe(200);
      expect((await browser.login('admin', 'not-the-admin-password')).status).toBe(401);
    } finally {
      await broken.repair();
    }
    expect((await new Browser(app.url).login('admin', ADMIN_PASSWORD)).status).toBe(200);
  }, 60_000);
});

describe('an unreadable line in the audit file', () => {
  it('is skipped and counted, not a 500', async () => {
    await new Browser(app.url).login('nobody', 'not-a-password-at-all');
    await appendFile(auditPath, '{"time":"2026-01-01T00:00:00Z","user":"trunc\n\u0000garbage\n');
    await new Browser(app.url).login('somebody', 'not-a-password-at-all');
    const answer = await admin.get('/api/audit?limit=1000');
    expect(answer.status).toBe(200);
    expect(answer.body.skippedLines).toBe(2);
    const users = (answer.body.entries as AuditEntry[]).map((entry) => entry.user);
    expect(users.slice(0, 2)).toEqual(['somebody', 'nobody']);
    expect(lines.some((line) => line.includes('"level":40') && line.includes('"skippedLines":2'))).toBe(true);
  }, 60_000);
});
