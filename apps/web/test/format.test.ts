import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, formatGiB, formatMemoryMiB, formatTime, localDateStamp } from '@/lib/format';

// ICU versions differ in which space they put before "AM" (U+0020 or U+202F).
const plainSpaces = (text: string) => text.replace(/\s/g, ' ');

describe('formatDateTime', () => {
  it('formats ECS minute-precision UTC times in the locale', () => {
    expect(plainSpaces(formatDateTime('2024-05-01T08:30Z', 'en-US', 'UTC'))).toBe('May 1, 2024, 8:30 AM');
    expect(plainSpaces(formatDateTime('2024-05-01T08:30Z', 'en-GB', 'UTC'))).toBe('1 May 2024, 08:30');
    expect(formatDateTime('2024-05-01T08:30Z', 'ja', 'Asia/Tokyo')).toBe('2024/05/01 17:30');
  });

  it('shows a dash for empty or invalid times', () => {
    expect(formatDateTime('', 'en')).toBe('-');
    expect(formatDateTime(undefined, 'en')).toBe('-');
    expect(formatDateTime('not a date', 'en')).toBe('-');
  });
});

describe('formatTime', () => {
  it('formats a time of day with seconds', () => {
    expect(formatTime(Date.UTC(2024, 4, 1, 8, 30, 15), 'en-GB', 'UTC')).toBe('08:30:15');
  });
});

describe('sizes and counts', () => {
  it('formats GiB with up to two decimals and the locale separators', () => {
    expect(formatGiB(40, 'en')).toBe('40\u00a0GiB');
    expect(formatGiB(1024, 'en')).toBe('1,024\u00a0GiB');
    expect(formatGiB(1024, 'de')).toBe('1.024\u00a0GiB');
    expect(formatGiB(0.125, 'en')).toBe('0.13\u00a0GiB');
  });

  it('turns ECS memory in MiB into GiB', () => {
    expect(formatMemoryMiB(8192, 'en')).toBe('8\u00a0GiB');
    expect(formatMemoryMiB(512, 'en')).toBe('0.5\u00a0GiB');
  });

  it('groups digits of counts', () => {
    expect(formatCount(10000, 'en')).toBe('10,000');
  });

  it('stamps file names with the local date', () => {
    expect(localDateStamp(new Date(2024, 11, 3, 1, 2))).toBe('2024-12-03');
  });
});
