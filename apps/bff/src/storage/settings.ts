import { randomBytes } from 'node:crypto';
import type { Queryable } from './database.js';

export const SESSION_SECRET_SETTING = 'session_secret';

/** A stored setting, or undefined. */
export async function readSetting(q: Queryable, name: string): Promise<string | undefined> {
  const [row] = await q.query<{ value: string }>('SELECT value FROM console_settings WHERE name = $1', [name]);
  return row?.value;
}

/**
 * The value stored under `name`, storing `initial()` first when there is none. Insert-if-absent
 * then read back, so replicas starting together end up with the same value.
 */
export async function settingOrInitial(q: Queryable, name: string, initial: () => string): Promise<string> {
  await q.query('INSERT INTO console_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    initial(),
  ]);
  const value = await readSetting(q, name);
  if (value === undefined) throw new Error(`console setting ${name} vanished after it was stored`);
  return value;
}

/**
 * The key that seals session cookies: CONSOLE_SESSION_SECRET when set, else the one in the
 * database (generated on the first start, or imported from 0.1.0's `session-key` file so old
 * cookies keep working). Replicas read the same row, so a cookie from one is good on all.
 */
export async function sessionSecret(q: Queryable, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  return settingOrInitial(q, SESSION_SECRET_SETTING, () => randomBytes(32).toString('base64url'));
}
