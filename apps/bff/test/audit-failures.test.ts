import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WARNING_HEADER } from '@ecs-console/contract';
import type { AuditStore } from '../src/audit/audit-store.js';
import { StorageUnavailableError, type Queryable } from '../src/storage/database.js';
import { generateRows, insertRows } from './support/audit-entries.js';
import {
  ADMIN_PASSWORD,
  Browser,
  memoryLogger,
  startTestConsole,
  storedAuditEntries,
} from './support/console-harness.js';

const { logger, lines } = memoryLogger();
let app: Awaited<ReturnType<typeof startTestConsole>>;
let admin: Browser;

beforeAll(async () => {
  app = await startTestConsole({}, logger);
  admin = new Browser(app.url);
  expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
}, 120_000);
afterAll(() => app.close());

async function anInstance(status: 'Running' | 'Stopped'): Promise<string> {
  const list = await admin.post('/api/ecs/DescribeInstances', { RegionId: 'cn-hangzhou', Status: status });
  return (list.body.Instances as { Instance: { InstanceId: string }[] }).Instance[0]!.InstanceId;
}

/** Makes the database refuse every new audit entry (a constraint no row meets) until `repair`. */
async function breakAuditInserts(db: Queryable): Promise<{ repair: () => Promise<void> }> {
  await db.query('ALTER TABLE audit_entries ADD CONSTRAINT refuse_all_for_test CHECK (false) NOT VALID');
  return { repair: async () => void (await db.query('ALTER TABLE audit_entries DROP CONSTRAINT refuse_all_for_test')) };
}

describe('an audit entry that cannot be stored', () => {
  it('answers an applied ECS write or VNC open 200 with a warning; a user change is not made; later requests are audited', async () => {
    const id = await anInstance('Stopped');
    const before = (await storedAuditEntries(app.db)).length;
    const broken = await breakAuditInserts(app.db);
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
    // Who and what are in the log at error level, so the entry can be rebuilt.
    const logged = lines.filter(
      (line) => line.includes('"level":50') && line.includes('audit entry could not be stored'),
    );
    expect(logged.some((line) => line.includes('ModifyInstanceAttribute') && line.includes(id))).toBe(true);

    // The change itself happened.
    const described = await admin.post('/api/ecs/DescribeInstances', { RegionId: 'cn-hangzhou', InstanceIds: [id] });
    expect((described.body.Instances as { Instance: { Description: string }[] }).Instance[0]!.Description).toBe(
      'written while the audit log is broken',
    );

    // A VNC console that was opened: the user gets the address, and the warning.
    const vnc = await admin.post(`/api/instances/cn-hangzhou/${await anInstance('Running')}/vnc`);
    expect(vnc.status).toBe(200);
    expect(vnc.headers.get(WARNING_HEADER)).toBe('AuditNotRecorded');
    expect(vnc.body.websocketUrl).toMatch(/^wss?:\/\//);

    // A user change and its entry are one transaction: without the entry, no change.
    const created = await admin.post('/api/users', {
      username: 'unaudited',
      password: 'unaudited-user-password',
      role: 'viewer',
    });
    expect(created.status).toBeGreaterThanOrEqual(500);
    expect(created.headers.get(WARNING_HEADER)).toBeNull();
    expect(await app.users.find('unaudited')).toBeUndefined();

    await broken.repair();
    const later = await admin.post('/api/ecs/ModifyInstanceAttribute', {
      RegionId: 'cn-hangzhou',
      InstanceId: id,
      Description: 'written after the repair',
    });
    expect(later.status).toBe(200);
    expect(later.headers.get(WARNING_HEADER)).toBeNull();
    expect(later.body.consoleWarning).toBeUndefined();
    expect((await new Browser(app.url).login('admin', ADMIN_PASSWORD)).status).toBe(200);
    const stored = (await storedAuditEntries(app.db)).slice(before);
    expect(stored.map((entry) => entry.params.Description ?? entry.event)).toEqual([
      'written after the repair',
      'login',
    ]);
  }, 120_000);

  it('still lets staff sign in while entries cannot be stored, and says so', async () => {
    const broken = await breakAuditInserts(app.db);
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
  }, 120_000);
});

describe('an export the database stops answering', () => {
  /** The store's export, failing as the database would when it reaches chunk `failAt` (1: the header). */
  function exportFailingAt(store: AuditStore, failAt: number) {
    const original = store.export.bind(store);
    return vi.spyOn(store, 'export').mockImplementation(async function* (filter) {
      let chunk = 0;
      for await (const text of original(filter)) {
        if (++chunk === failAt) throw new StorageUnavailableError('the database is not answering (test)');
        yield text;
      }
    });
  }

  beforeAll(async () => {
    // Three batches of 1,000: the header, then a chunk per batch.
    await insertRows(app.db, generateRows(2_500, 9));
  });

  it('answers 503 StorageUnavailable as JSON when it fails before the first byte', async () => {
    const spy = exportFailingAt(app.audit, 2);
    try {
      const answer = await admin.get('/api/audit/export');
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.headers.get('content-disposition')).toBeNull();
      expect(answer.body.code).toBe('StorageUnavailable');
    } finally {
      spy.mockRestore();
    }
  });

  it('ends the connection, and logs why, when it fails after the CSV started', async () => {
    const spy = exportFailingAt(app.audit, 4);
    try {
      const response = await fetch(`${app.url}/api/audit/export`, {
        headers: { cookie: admin.cookie, 'accept-encoding': 'identity' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      // The body stops short: the client sees a broken download, not a complete-looking file.
      await expect(response.text()).rejects.toThrow();
      await vi.waitFor(() =>
        expect(lines.some((line) => line.includes('the audit export failed after it started'))).toBe(true),
      );
    } finally {
      spy.mockRestore();
    }
    const whole = await admin.get('/api/audit/export');
    expect(whole.status).toBe(200);
    expect(whole.text.split('\r\n').length).toBeGreaterThan(2_500);
  });
});
