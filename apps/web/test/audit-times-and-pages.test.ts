import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAuditTime, formatRelativeTime, utcOffsetLabel } from '@/features/audit/logic/audit-time';
import { FIRST_PAGE, loadedCount, pageLoaded } from '@/features/audit/logic/keyset-pages';
import { DEFAULT_AUDIT_PREFERENCES, parseAuditPreferences } from '@/features/audit/logic/audit-preferences';

// The browser's zone is pinned so local times are the same on every machine.
const originalZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = originalZone;
});

describe('audit times', () => {
  it('shows milliseconds and the zone, in local time or UTC', () => {
    expect(formatAuditTime('2026-12-01T01:42:07.123Z', 'local')).toBe('2026-12-01 09:42:07.123 UTC+08:00');
    expect(formatAuditTime('2026-12-01T01:42:07.123Z', 'utc')).toBe('2026-12-01 01:42:07.123 UTC');
    expect(formatAuditTime('2026-12-01T20:00:00.005Z', 'local')).toBe('2026-12-02 04:00:00.005 UTC+08:00');
    expect(formatAuditTime('not a time', 'local')).toBe('-');
  });

  it('writes offsets east and west, with half hours', () => {
    expect(utcOffsetLabel(0)).toBe('UTC');
    expect(utcOffsetLabel(330)).toBe('UTC+05:30');
    expect(utcOffsetLabel(-210)).toBe('UTC-03:30');
  });

  it('adds a relative hint in the largest whole unit', () => {
    const now = Date.parse('2026-12-01T10:00:00.000Z');
    expect(formatRelativeTime('2026-12-01T09:57:00.000Z', now, 'en')).toBe('3 minutes ago');
    expect(formatRelativeTime('2026-11-29T09:00:00.000Z', now, 'en')).toBe('2 days ago');
    expect(formatRelativeTime('2026-12-01T10:00:00.000Z', now, 'en')).toBe('now');
  });
});

describe('keyset pages', () => {
  it('learns the next cursor from each page and ends at a page without one', () => {
    let pages = pageLoaded(FIRST_PAGE, 1, 25, 'c2');
    expect(pages.cursors).toEqual([undefined, 'c2']);
    expect(loadedCount(pages)).toEqual({ count: 25, more: true });
    pages = pageLoaded(pages, 2, 25, 'c3');
    pages = pageLoaded(pages, 3, 10, undefined);
    expect(pages).toEqual({ cursors: [undefined, 'c2', 'c3'], counts: [25, 25, 10], ended: true });
    expect(loadedCount(pages)).toEqual({ count: 60, more: false });
    // The same answer again changes nothing (no re-render loop).
    expect(pageLoaded(pages, 3, 10, undefined)).toBe(pages);
    expect(pageLoaded(pages, 2, 25, 'c3')).toBe(pages);
  });

  it('cuts the later pages when a page answers with another cursor', () => {
    const pages = pageLoaded(pageLoaded(pageLoaded(FIRST_PAGE, 1, 2, 'c2'), 2, 2, 'c3'), 3, 1, undefined);
    expect(pageLoaded(pages, 2, 2, 'c3b')).toEqual({ cursors: [undefined, 'c2', 'c3b'], counts: [2, 2], ended: false });
    expect(pageLoaded(pages, 1, 2, undefined)).toEqual({ cursors: [undefined], counts: [2], ended: true });
    // A page that is not known yet is ignored.
    expect(pageLoaded(FIRST_PAGE, 3, 1, 'x')).toBe(FIRST_PAGE);
  });
});

describe('audit preferences', () => {
  it('keeps the audit page sizes and the time zone, falling back on anything else', () => {
    expect(parseAuditPreferences({ pageSize: 25, timeZone: 'utc' })).toMatchObject({ pageSize: 25, timeZone: 'utc' });
    expect(parseAuditPreferences({ pageSize: 20, timeZone: 'mars' })).toMatchObject({
      pageSize: 50,
      timeZone: 'local',
    });
    expect(parseAuditPreferences('garbage')).toBe(DEFAULT_AUDIT_PREFERENCES);
  });
});
