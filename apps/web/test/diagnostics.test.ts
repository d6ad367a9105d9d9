import { describe, expect, it } from 'vitest';
import {
  connectAvailability,
  consoleLogFilename,
  isValidVncPassword,
  MAX_RECONNECTS,
  mayReconnect,
  RECONNECT_WINDOW_MS,
  screenshotFilename,
} from '@/features/diagnostics/logic/diagnostics';
import {
  ScreenshotCooldowns,
  SCREENSHOT_MIN_INTERVAL_MS,
  secondsUntil,
} from '@/features/diagnostics/logic/screenshot-limit';

describe('isValidVncPassword', () => {
  it('accepts exactly six letters or digits', () => {
    expect(isValidVncPassword('abc123')).toBe(true);
    expect(isValidVncPassword('ABCDEF')).toBe(true);
    expect(isValidVncPassword('abc12')).toBe(false);
    expect(isValidVncPassword('abc1234')).toBe(false);
    expect(isValidVncPassword('abc 12')).toBe(false);
    expect(isValidVncPassword('abc!12')).toBe(false);
    expect(isValidVncPassword('äbc123')).toBe(false);
  });
});

describe('connectAvailability', () => {
  it('needs the operator role, one instance and Running', () => {
    expect(connectAvailability(['Running'], 'operator')).toEqual({ enabled: true });
    expect(connectAvailability(['Running'], 'admin')).toEqual({ enabled: true });
    expect(connectAvailability(['Running'], 'viewer')).toEqual({ enabled: false, reason: 'role' });
    expect(connectAvailability([], 'operator')).toEqual({ enabled: false, reason: 'selection' });
    expect(connectAvailability(['Running', 'Running'], 'operator')).toEqual({ enabled: false, reason: 'selection' });
    expect(connectAvailability(['Stopped'], 'operator')).toEqual({ enabled: false, reason: 'status' });
  });
});

describe('file names', () => {
  it('names a screenshot after the instance, local time and image type', () => {
    const at = new Date(2024, 4, 1, 8, 30, 5);
    expect(screenshotFilename('i-abc', 'image/png', at)).toBe('i-abc-20240501-083005.png');
    expect(screenshotFilename('i-abc', 'image/jpeg', at)).toBe('i-abc-20240501-083005.jpg');
  });

  it('names the console log after the instance', () => {
    expect(consoleLogFilename('i-abc')).toBe('i-abc-console.log');
  });
});

describe('mayReconnect', () => {
  it(`allows ${MAX_RECONNECTS} automatic reconnects within the window`, () => {
    const now = 1_000_000;
    const attempts = Array.from({ length: MAX_RECONNECTS - 1 }, (_, index) => now - index * 1000);
    expect(mayReconnect([], now)).toBe(true);
    expect(mayReconnect(attempts, now)).toBe(true);
    expect(mayReconnect([...attempts, now], now)).toBe(false);
  });

  it('forgets attempts older than the window', () => {
    const now = 1_000_000;
    const old = Array.from({ length: MAX_RECONNECTS }, () => now - RECONNECT_WINDOW_MS);
    expect(mayReconnect(old, now)).toBe(true);
  });
});

describe('the screenshot limit', () => {
  it('counts whole seconds up, to zero when allowed or never taken', () => {
    expect(secondsUntil(undefined, 5_000)).toBe(0);
    expect(secondsUntil(10_000, 0)).toBe(10);
    expect(secondsUntil(10_000, 1)).toBe(10);
    expect(secondsUntil(10_000, 9_001)).toBe(1);
    expect(secondsUntil(10_000, 10_000)).toBe(0);
    expect(secondsUntil(10_000, 60_000)).toBe(0);
  });

  it('starts a wait of ECS’s interval per instance and tells its listeners', () => {
    const cooldowns = new ScreenshotCooldowns();
    const heard: string[] = [];
    const unsubscribe = cooldowns.subscribe(() => heard.push('changed'));
    cooldowns.note('cn-hangzhou/i-a', 1_000);
    expect(cooldowns.next('cn-hangzhou/i-a')).toBe(1_000 + SCREENSHOT_MIN_INTERVAL_MS);
    expect(cooldowns.next('cn-hangzhou/i-b')).toBeUndefined();
    unsubscribe();
    cooldowns.note('cn-hangzhou/i-b', 2_000);
    expect(heard).toEqual(['changed']);
  });
});
