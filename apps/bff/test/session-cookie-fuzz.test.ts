import { randomBytes } from 'node:crypto';
import { sealData } from 'iron-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSetting, SESSION_SECRET_SETTING } from '../src/storage/settings.js';
import { ADMIN_PASSWORD, Browser, memoryLogger, startTestConsole } from './support/console-harness.js';

const { logger, lines } = memoryLogger();
let app: Awaited<ReturnType<typeof startTestConsole>>;
let validSeal: string;
let secret: string;

beforeAll(async () => {
  app = await startTestConsole({}, logger);
  const browser = new Browser(app.url);
  await browser.login('admin', ADMIN_PASSWORD);
  validSeal = browser.cookie.slice(browser.cookie.indexOf('=') + 1);
  secret = (await readSetting(app.db, SESSION_SECRET_SETTING))!;
}, 120_000);
afterAll(() => app.close());

/** Printable ASCII and Latin-1 bytes: what a header value may carry on the wire. */
function randomHeaderText(length: number): string {
  return Array.from(randomBytes(length), (byte) => {
    const code = 0x21 + (byte % (0x7e - 0x21 + 1 + 0x60));
    return String.fromCharCode(code <= 0x7e ? code : code - 0x7f + 0xa0);
  }).join('');
}

/** Malformed session cookies of every kind an attacker or a broken proxy could send. */
async function malformedCookies(): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < 80; i++) cookies.push(randomHeaderText(1 + ((i * 7) % 300)));
  for (let i = 0; i < 60; i++) cookies.push(validSeal.slice(0, Math.floor((validSeal.length * i) / 60)));
  for (let i = 0; i < 40; i++) {
    const at = (i * 13) % validSeal.length;
    cookies.push(`${validSeal.slice(0, at)}${validSeal[at] === 'A' ? 'B' : 'A'}${validSeal.slice(at + 1)}`);
  }
  for (let i = 0; i < 40; i++) {
    const parts = Array.from({ length: i % 10 }, () => randomBytes(1 + (i % 20)).toString('base64url'));
    cookies.push(`Fe26.2*${parts.join('*')}${i % 2 ? '~2' : `~${i}`}`);
  }
  const otherKey = randomBytes(32).toString('hex');
  for (let i = 0; i < 20; i++) cookies.push(await sealData({ accountId: 'x', sid: String(i) }, { password: otherKey }));
  // Sealed with the console's own key, but not a session it would issue.
  for (const data of [{}, { username: 'admin', version: 0 }, { accountId: 7, sid: [] }, { sid: 'a' }]) {
    cookies.push(await sealData(data, { password: secret }));
  }
  cookies.push(await sealData('just a string', { password: secret }));
  // (A valid seal with text after its `~2` is still that seal to iron-session, so the junk goes before it.)
  for (const size of [4_000, 8_000, 12_000]) cookies.push('A'.repeat(size), `${'~'.repeat(size)}${validSeal}`);
  cookies.push('%', '%E0%A4%A', '"unterminated', '~2', '*', '=', 'Fe26.2', 'Fe26.2**********~2', '\\u0000');
  return cookies;
}

describe('malformed session cookies', () => {
  it('answer 401 Unauthenticated, and the log has no stack trace', async () => {
    const cookies = await malformedCookies();
    expect(cookies.length).toBeGreaterThan(250);
    const statuses = new Map<number, number>();
    for (const [index, value] of cookies.entries()) {
      const browser = new Browser(app.url);
      browser.cookie = `ecs_console_session=${value}`;
      const path = index % 2 ? '/api/session' : '/api/regions/cn-hangzhou/instances';
      const response = await browser.get(path);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status !== 401) throw new Error(`cookie #${index} answered ${response.status}`);
      expect(response.body.code).toBe('Unauthenticated');
    }
    expect([...statuses.keys()]).toEqual([401]);
    const withStack = lines.filter((line) => /"stack"|\n\s+at /.test(line));
    expect(withStack).toEqual([]);
    expect(lines.filter((line) => line.includes('"level":50'))).toEqual([]);
  }, 120_000);
});
