import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_RETENTION_INTERVAL_MS, AuditStore, startAuditRetention } from '../src/audit/audit-store.js';
import { memoryLogger } from './support/console-harness.js';
import { openMigrated } from './support/databases.js';

/** A prune whose every call the test settles itself. */
function controlledPrune() {
  const calls: { days: number; resolve: (pruned: number) => void; reject: (error: Error) => void }[] = [];
  const prune = (days: number) =>
    new Promise<number>((resolve, reject) => {
      calls.push({ days, resolve, reject });
    });
  return { calls, store: { prune } };
}

const logged = (lines: readonly string[], text: string) => lines.filter((line) => line.includes(text));

describe('the audit retention', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('prunes at start and every hour, one prune at a time, logging what went and what failed', async () => {
    const { logger, lines } = memoryLogger();
    const { calls, store } = controlledPrune();
    const retention = startAuditRetention(store, 30, logger);
    expect(calls.map((call) => call.days)).toEqual([30]);

    // An hour passes while the first prune still runs: no second one starts beside it.
    vi.advanceTimersByTime(AUDIT_RETENTION_INTERVAL_MS);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(1_234);
    await vi.waitFor(() => expect(logged(lines, '"pruned":1234')).toHaveLength(1));
    expect(logged(lines, '"pruned":1234')[0]).toContain('"level":30');

    vi.advanceTimersByTime(AUDIT_RETENTION_INTERVAL_MS);
    expect(calls).toHaveLength(2);
    calls[1]!.reject(new Error('the database is not answering'));
    await vi.waitFor(() => expect(logged(lines, 'could not be pruned')).toHaveLength(1));
    expect(logged(lines, 'could not be pruned')[0]).toContain('"level":50');

    // Tried again at the next hour.
    vi.advanceTimersByTime(AUDIT_RETENTION_INTERVAL_MS);
    expect(calls).toHaveLength(3);
    calls[2]!.resolve(0);

    retention.stop();
    vi.advanceTimersByTime(5 * AUDIT_RETENTION_INTERVAL_MS);
    expect(calls).toHaveLength(3);
  });

  it('never prunes with 0 days', () => {
    const { logger, lines } = memoryLogger();
    const { calls, store } = controlledPrune();
    const retention = startAuditRetention(store, 0, logger);
    vi.advanceTimersByTime(48 * AUDIT_RETENTION_INTERVAL_MS);
    expect(calls).toHaveLength(0);
    expect(logged(lines, 'kept without limit')).toHaveLength(1);
    retention.stop();
  });

  it('does not call a prune cut short by the shutdown a failure', async () => {
    const { logger, lines } = memoryLogger();
    const { calls, store } = controlledPrune();
    const retention = startAuditRetention(store, 7, logger);
    retention.stop();
    calls[0]!.reject(new Error('PGlite is closed'));
    await vi.waitFor(() => expect(logged(lines, 'stopped during a prune')).toHaveLength(1));
    expect(logged(lines, '"level":50')).toEqual([]);
  });
});

describe('the audit retention on a database', () => {
  it('removes the entries past the retention at start', async () => {
    const db = await openMigrated('pglite');
    try {
      const now = new Date('2026-06-01T12:00:00.000Z');
      const day = 24 * 60 * 60 * 1000;
      for (const age of [0, 6, 8, 400]) {
        await new AuditStore(db, { now: () => new Date(now.getTime() - age * day) }).record({
          user: `aged-${age}`,
          event: 'login',
          resourceIds: [],
          params: {},
          outcome: 'success',
        });
      }
      const store = new AuditStore(db, { now: () => now });
      const { logger, lines } = memoryLogger();
      const retention = startAuditRetention(store, 7, logger);
      await vi.waitFor(() => expect(logged(lines, '"pruned":2')).toHaveLength(1));
      retention.stop();
      const { entries } = await store.page({}, { limit: 10 });
      expect(entries.map((entry) => entry.user)).toEqual(['aged-0', 'aged-6']);
    } finally {
      await db.close();
    }
  });
});
