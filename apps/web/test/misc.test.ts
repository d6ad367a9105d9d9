import { describe, expect, it } from 'vitest';
import { ecsAcceptLanguage } from '@/features/regions/api/regions';
import { mapWithConcurrency } from '@/lib/concurrency';
import { pickLanguage } from '@/lib/i18n';

describe('language', () => {
  it('picks the first supported preferred language, else English', () => {
    expect(pickLanguage(['en-GB', 'fr'])).toBe('en');
    expect(pickLanguage(['fr', 'de'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it("asks ECS for region names in the user's language", () => {
    expect(ecsAcceptLanguage('en')).toBe('en-US');
    expect(ecsAcceptLanguage('zh-CN')).toBe('zh-CN');
    expect(ecsAcceptLanguage('ja')).toBe('ja');
  });
});

describe('mapWithConcurrency', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      // Yield a varying number of times so tasks finish out of order.
      for (let i = 0; i < n; i += 1) await Promise.resolve();
      running -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });

  it('handles an empty list', async () => {
    await expect(mapWithConcurrency([], 3, () => Promise.resolve(1))).resolves.toEqual([]);
  });
});
