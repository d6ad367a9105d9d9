import { describe, expect, it } from 'vitest';
import {
  auditExportPath,
  auditListPath,
  auditSearch,
  auditViewKey,
  hasFilters,
  parseAuditView,
  resolveAuditFilter,
  searchWithEntry,
} from '@/features/audit/logic/audit-query';
import { auditResourceHref } from '@/features/audit/logic/audit-resources';

const params = (text: string) => new URLSearchParams(text);

describe('audit view in the address', () => {
  it('reads every filter, a relative range and an absolute one', () => {
    expect(
      parseAuditView(params('user=alice&action=ChangeRole&event=user&resourceId=i-1&outcome=failure&range=24h')),
    ).toEqual({
      user: 'alice',
      action: 'ChangeRole',
      event: 'user',
      resourceId: 'i-1',
      outcome: 'failure',
      range: { kind: 'relative', key: '24h', amount: 24, unit: 'hour' },
    });
    expect(parseAuditView(params('from=2026-12-01T08:00:00%2B08:00&to=2026-12-02T00:00:00Z'))).toEqual({
      range: { kind: 'absolute', from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' },
    });
  });

  it('leaves out what does not parse instead of failing', () => {
    expect(
      parseAuditView(params(`event=hack&outcome=maybe&range=0h&from=yesterday&user=%20%20&action=${'x'.repeat(300)}`)),
    ).toEqual({});
    expect(parseAuditView(params('range=5y'))).toEqual({});
  });

  it('writes the view back, keeping the open entry and other parameters, defaults left out', () => {
    const search = auditSearch(params('entry=42&user=old&range=1h'), { action: 'StopInstance', outcome: 'success' });
    expect(search).toBe('?entry=42&action=StopInstance&outcome=success');
    expect(parseAuditView(params(search.slice(1)))).toEqual({ action: 'StopInstance', outcome: 'success' });
    expect(auditSearch(params('user=a'), {})).toBe('');
    expect(searchWithEntry(params('user=a'), '7')).toBe('?user=a&entry=7');
    expect(searchWithEntry(params('user=a&entry=7'), undefined)).toBe('?user=a');
  });

  it('keys a view by its filters alone, so a new filter starts paging afresh', () => {
    expect(auditViewKey({ user: 'a', outcome: 'failure' })).toBe('user=a&outcome=failure');
    expect(auditViewKey({})).toBe('');
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ range: { kind: 'absolute', from: '2026-01-01T00:00:00.000Z' } })).toBe(true);
  });
});

describe('audit requests', () => {
  const now = Date.parse('2026-12-01T10:00:00.000Z');

  it('resolves a relative range against the clock and keeps an absolute one', () => {
    expect(
      resolveAuditFilter({ user: 'a', range: { kind: 'relative', key: '1h', amount: 1, unit: 'hour' } }, now),
    ).toEqual({ user: 'a', from: '2026-12-01T09:00:00.000Z' });
    expect(resolveAuditFilter({ range: { kind: 'relative', key: '7d', amount: 7, unit: 'day' } }, now).from).toBe(
      '2026-11-24T10:00:00.000Z',
    );
    expect(resolveAuditFilter({ range: { kind: 'absolute', to: '2026-11-30T00:00:00.000Z' } }, now)).toEqual({
      to: '2026-11-30T00:00:00.000Z',
    });
  });

  it('puts the filter, the limit and the cursor into the list request, escaped', () => {
    const path = auditListPath(
      { user: 'a&b', action: 'ChangeRole', from: '2026-12-01T09:00:00.000Z' },
      { limit: 25, cursor: 'c/2+=' },
    );
    const url = new URL(path, 'http://console.test');
    expect(url.pathname).toBe('/api/audit');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      user: 'a&b',
      action: 'ChangeRole',
      from: '2026-12-01T09:00:00.000Z',
      limit: '25',
      cursor: 'c/2+=',
    });
    expect(auditListPath({}, { limit: 50 })).toBe('/api/audit?limit=50');
  });

  it('exports with the same filter and no paging', () => {
    expect(auditExportPath({})).toBe('/api/audit/export');
    const url = new URL(auditExportPath({ outcome: 'failure', user: 'bob' }), 'http://console.test');
    expect(url.pathname).toBe('/api/audit/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({ outcome: 'failure', user: 'bob' });
  });
});

describe('audit resource links', () => {
  it('links instances, disks, security groups and snapshots of the entry region', () => {
    expect(auditResourceHref('i-bp1', 'cn-hangzhou')).toBe('/instances/cn-hangzhou/i-bp1');
    expect(auditResourceHref('d-bp2', 'cn-hangzhou')).toBe('/disks/cn-hangzhou/d-bp2');
    expect(auditResourceHref('sg-bp3', 'cn-hangzhou')).toBe('/security-groups/cn-hangzhou/sg-bp3');
    const snapshot = new URL(auditResourceHref('s-bp4', 'cn-hangzhou') ?? '', 'http://console.test');
    expect(snapshot.pathname).toBe('/snapshots');
    expect(Object.fromEntries(snapshot.searchParams)).toEqual({ region: 'cn-hangzhou', filter: ': s-bp4' });
  });

  it('does not link a user name, an unknown kind or an entry without a region', () => {
    expect(auditResourceHref('alice', 'cn-hangzhou')).toBeUndefined();
    expect(auditResourceHref('m-image', 'cn-hangzhou')).toBeUndefined();
    expect(auditResourceHref('i-bp1', undefined)).toBeUndefined();
  });
});
