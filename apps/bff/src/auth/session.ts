import { randomBytes } from 'node:crypto';
import type { CookieOptions, NextFunction, Request, Response } from 'express';
import { parseCookie } from 'cookie';
import { sealData, unsealData } from 'iron-session';
import { BACKGROUND_HEADER, BACKGROUND_HEADER_VALUE, type Role } from '@ecs-console/contract';
import { z } from 'zod';
import { sendError } from '../errors.js';
import type { RevokedSessions } from '../storage/revoked-sessions.js';
import type { StoredUser, UserStore } from './users.js';

/**
 * What the encrypted cookie holds. The account id (never reused) rather than the name, so a
 * deleted account's cookie cannot come back with a new account of the same name; the session id
 * so a logout can revoke exactly this session.
 */
const SessionCookie = z.strictObject({
  sid: z.string().min(16).max(64),
  accountId: z.string().min(1).max(64),
  /** The account's sessionVersion when issued: a password change ends the account's other sessions. */
  version: z.number().int().min(0),
  issuedAt: z.number(),
  lastSeenAt: z.number(),
});
type SessionCookie = z.infer<typeof SessionCookie>;

export interface SignedInUser {
  readonly username: string;
  readonly role: Role;
}

export interface CurrentSession extends SignedInUser {
  readonly sessionId: string;
  readonly accountId: string;
  /** Epoch ms: the idle or the absolute expiry, whichever comes first. */
  readonly expiresAt: number;
}

export interface SessionSettings {
  readonly secret: string;
  readonly idleMinutes: number;
  readonly maxHours: number;
  readonly secureCookies: boolean;
}

export interface SessionDeps {
  readonly users: UserStore;
  readonly revoked: RevokedSessions;
  /** The clock (epoch ms); tests move it instead of waiting. */
  readonly now?: () => number;
}

export const SESSION_COOKIE = 'ecs_console_session';

/** Refresh the idle clock at most this often, so not every request re-issues the cookie. */
const MAX_TOUCH_INTERVAL_MS = 60_000;

/**
 * Sessions in an encrypted (iron), HttpOnly, SameSite=Strict cookie (Secure behind HTTPS) with
 * idle and absolute expiry. Any replica with the key can read one; logouts are recorded in the
 * database (`RevokedSessions`). A cookie that cannot be read is no session (401), never an error;
 * a database that does not answer is `503 StorageUnavailable` (through the error handler).
 */
export class Sessions {
  readonly #secret: string;
  readonly #idleMs: number;
  readonly #maxMs: number;
  readonly #touchMs: number;
  readonly #cookieOptions: CookieOptions;
  readonly #users: UserStore;
  readonly #revoked: RevokedSessions;
  readonly #now: () => number;

  constructor(settings: SessionSettings, deps: SessionDeps) {
    this.#secret = settings.secret;
    this.#idleMs = settings.idleMinutes * 60_000;
    this.#maxMs = settings.maxHours * 3_600_000;
    // A quarter of the idle time at most, so activity always renews the session before it lapses.
    this.#touchMs = Math.min(MAX_TOUCH_INTERVAL_MS, this.#idleMs / 4);
    this.#cookieOptions = { httpOnly: true, sameSite: 'strict', secure: settings.secureCookies, path: '/' };
    this.#users = deps.users;
    this.#revoked = deps.revoked;
    // Read at each call (not `Date.now` captured once), so a replaced Date is honoured.
    this.#now = deps.now ?? (() => Date.now());
  }

  /** Starts a new session for the account (a new session id, whatever cookie came in). */
  async signIn(response: Response, user: StoredUser): Promise<{ expiresAt: number }> {
    const now = this.#now();
    const sid = randomBytes(18).toString('base64url');
    await this.#write(response, {
      sid,
      accountId: user.id,
      version: user.sessionVersion,
      issuedAt: now,
      lastSeenAt: now,
    });
    return { expiresAt: Math.min(now + this.#maxMs, now + this.#idleMs) };
  }

  /** Ends the request's session: revoked for every replica, and the cookie cleared. */
  async signOut(request: Request, response: Response): Promise<void> {
    const data = await this.#read(request);
    if (data) await this.#revoked.revoke(data.sid, data.issuedAt + this.#maxMs);
    response.clearCookie(SESSION_COOKIE, this.#cookieOptions);
  }

  /**
   * The signed-in user, or undefined when there is no valid, unexpired, unrevoked session.
   * `activity: false` (background polling) reads the session without renewing its idle time.
   */
  async current(request: Request, response: Response, { activity = true } = {}): Promise<CurrentSession | undefined> {
    const data = await this.#read(request);
    if (!data) return undefined;
    const now = this.#now();
    const expired = now - data.issuedAt > this.#maxMs || now - data.lastSeenAt > this.#idleMs;
    // Asked of the database on every request (no copy kept here), so a logout, password change,
    // role change or deletion on any replica holds on all of them at once.
    const [user, revoked] = expired
      ? [undefined, true]
      : await Promise.all([this.#users.findById(data.accountId), this.#revoked.isRevoked(data.sid)]);
    if (!user || user.sessionVersion !== data.version || expired || revoked) {
      response.clearCookie(SESSION_COOKIE, this.#cookieOptions);
      return undefined;
    }
    let lastSeenAt = data.lastSeenAt;
    if (activity && now - lastSeenAt >= this.#touchMs) {
      lastSeenAt = now;
      await this.#write(response, { ...data, lastSeenAt });
    }
    return {
      sessionId: data.sid,
      accountId: user.id,
      username: user.username,
      role: user.role,
      expiresAt: Math.min(data.issuedAt + this.#maxMs, lastSeenAt + this.#idleMs),
    };
  }

  /**
   * Re-issues the request's session for the account as it is now (after its own password change
   * bumped the session version): this session goes on, the account's others end.
   */
  async reissue(request: Request, response: Response): Promise<void> {
    const data = await this.#read(request);
    const user = data && (await this.#users.findById(data.accountId));
    if (!data || !user) return;
    await this.#write(response, { ...data, version: user.sessionVersion, lastSeenAt: this.#now() });
  }

  /**
   * Middleware: `401 Unauthenticated` without a session; otherwise `res.locals.user`. Requests
   * marked `x-console-background: 1` do not count as activity.
   */
  require() {
    return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
      const activity = request.get(BACKGROUND_HEADER) !== BACKGROUND_HEADER_VALUE;
      const session = await this.current(request, response, { activity });
      if (!session) {
        sendError(response, 401, 'Unauthenticated', 'Sign in to continue.');
        return;
      }
      response.locals.user = { username: session.username, role: session.role } satisfies SignedInUser;
      response.locals.session = session;
      next();
    };
  }

  async #read(request: Request): Promise<SessionCookie | undefined> {
    const header = request.headers.cookie;
    const seal = header ? parseCookie(header)[SESSION_COOKIE] : undefined;
    if (!seal) return undefined;
    let unsealed: unknown;
    try {
      unsealed = await unsealData(seal, { password: this.#secret, ttl: this.#ttlSeconds });
    } catch (error) {
      // Forged, truncated or damaged: no session. Logged without a stack, and never the cookie itself.
      request.log.warn(
        { reason: error instanceof Error ? error.message.slice(0, 120) : 'not an error' },
        'unreadable session cookie',
      );
      return undefined;
    }
    const parsed = SessionCookie.safeParse(unsealed);
    return parsed.success ? parsed.data : undefined;
  }

  async #write(response: Response, data: SessionCookie): Promise<void> {
    const seal = await sealData(data, { password: this.#secret, ttl: this.#ttlSeconds });
    response.cookie(SESSION_COOKIE, seal, { ...this.#cookieOptions, maxAge: this.#maxMs });
  }

  /** The seal's own lifetime: the absolute expiry plus a minute of clock skew. */
  get #ttlSeconds(): number {
    return this.#maxMs / 1000 + 60;
  }
}

export function signedInUser(response: Response): SignedInUser {
  const user = response.locals.user as SignedInUser | undefined;
  if (!user) throw new Error('route used without the session middleware');
  return user;
}

export function currentSession(response: Response): CurrentSession {
  const session = response.locals.session as CurrentSession | undefined;
  if (!session) throw new Error('route used without the session middleware');
  return session;
}
