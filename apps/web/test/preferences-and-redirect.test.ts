import { describe, expect, it } from 'vitest';
import { loginPath, safeRedirectTarget } from '@/features/auth/redirect';
import { DEFAULT_TABLE_PREFERENCES, parseTablePreferences } from '@/features/instances/logic/table-preferences';

describe('table preferences', () => {
  it('uses the defaults for nothing stored or garbage', () => {
    expect(parseTablePreferences(undefined)).toEqual(DEFAULT_TABLE_PREFERENCES);
    expect(parseTablePreferences('x')).toEqual(DEFAULT_TABLE_PREFERENCES);
    expect(parseTablePreferences({ pageSize: 7, wrapLines: 'yes' })).toEqual(DEFAULT_TABLE_PREFERENCES);
  });

  it('keeps valid choices and repairs the column list', () => {
    const parsed = parseTablePreferences({
      pageSize: 200,
      wrapLines: true,
      stripedRows: true,
      contentDisplay: [
        { id: 'status', visible: true },
        { id: 'gone', visible: true },
        { id: 'status', visible: false },
        { id: 'name', visible: false },
      ],
    });
    expect(parsed.pageSize).toBe(200);
    expect(parsed.wrapLines).toBe(true);
    expect(parsed.stripedRows).toBe(true);
    expect(parsed.contentDisplay.slice(0, 2)).toEqual([
      { id: 'status', visible: true },
      { id: 'name', visible: false },
    ]);
    // Columns missing from storage come back, with their default visibility.
    expect(parsed.contentDisplay.map((column) => column.id).sort()).toEqual(
      DEFAULT_TABLE_PREFERENCES.contentDisplay.map((column) => column.id).sort(),
    );
    expect(parsed.contentDisplay.find((column) => column.id === 'id')).toEqual({ id: 'id', visible: true });
    expect(parsed.contentDisplay.find((column) => column.id === 'tags')).toEqual({ id: 'tags', visible: false });
  });
});

describe('redirect after login', () => {
  it('goes back to a page of the console', () => {
    expect(safeRedirectTarget('/instances/cn-hangzhou/i-1?tab=details')).toBe('/instances/cn-hangzhou/i-1?tab=details');
    expect(safeRedirectTarget(null)).toBe('/');
  });

  it('never leaves the console', () => {
    expect(safeRedirectTarget('//evil.example/x')).toBe('/');
    expect(safeRedirectTarget('/\\evil.example')).toBe('/');
    expect(safeRedirectTarget('https://evil.example')).toBe('/');
    expect(safeRedirectTarget('javascript:alert(1)')).toBe('/');
    expect(safeRedirectTarget('/login?next=/login')).toBe('/');
  });

  it('builds the login address with the way back', () => {
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('/instances?x=1')).toBe('/login?next=%2Finstances%3Fx%3D1');
  });
});
