import type { NextFunction, Request, Response } from 'express';
import { getIronSession, type SessionOptions } from 'iron-session';
import { sendError } from '../errors.js';
import type { Role } from './roles.js';
import type { UserStore } from './users.js';

/** What the encrypted cookie holds. No store behind it, so any replica with the key can read it. */
interface SessionData {
  username?: string;
  /** The user's sessionVersion when it was issued: a password change or deletion ends it. */
  version?: number;
  issuedAt?: number;
  lastSeenAt?: number;
}

export interface SignedInUser {
  readonly username: string;
  readonly role: Role;
}

export interface SessionSettings {
  readonly secret: string;
  readonly idleMinutes: number;
  readonly maxHours: number;
  readonly secureCookies: boolean;
}

export const SESSION_COOKIE = 'ecs_console_session';

/** Refresh the idle clock at most this often, so not every request re-issues the cookie. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Sessions in an encrypted, HttpOnly, SameSite=Strict cookie (Secure behind HTTPS) with idle and
 * absolute expiry, via iron-session.
 */
export class Sessions {
  readonly #options: SessionOptions;
  readonly #idleMs: number;
  readonly #maxMs: number;
  readonly #users: UserStore;

  constructor(settings: SessionSettings, users: UserStore) {
    this.#idleMs = settings.idleMinutes * 60_000;
    this.#maxMs = settings.maxHours * 3_600_000;
    this.#users = users;
    this.#options = {
      cookieName: SESSION_COOKIE,
      password: settings.secret,
      ttl: settings.maxHours * 3600 + 60,
      cookieOptions: { httpOnly: true, sameSite: 'strict', secure: settings.secureCookies, path: '/' },
    };
  }

  async signIn(request: Request, response: Response, username: string): Promise<void> {
    const user = this.#users.find(username);
    if (!user) throw new Error(`no user ${username}`);
    const session = await getIronSession<SessionData>(request, response, this.#options);
    const now = Date.now();
    Object.assign(session, { username, version: user.sessionVersion, issuedAt: now, lastSeenAt: now });
    await session.save();
  }

  async signOut(request: Request, response: Response): Promise<void> {
    const session = await getIronSession<SessionData>(request, response, this.#options);
    session.destroy();
  }

  /** The signed-in user, or undefined when there is no valid, unexpired session. */
  async current(request: Request, response: Response): Promise<(SignedInUser & { expiresAt: number }) | undefined> {
    const session = await getIronSession<SessionData>(request, response, this.#options);
    const { username, version, issuedAt, lastSeenAt } = session;
    if (username === undefined || issuedAt === undefined || lastSeenAt === undefined) return undefined;
    const now = Date.now();
    const user = this.#users.find(username);
    if (!user || user.sessionVersion !== version || now - issuedAt > this.#maxMs || now - lastSeenAt > this.#idleMs) {
      session.destroy();
      return undefined;
    }
    if (now - lastSeenAt > TOUCH_INTERVAL_MS) {
      session.lastSeenAt = now;
      await session.save();
    }
    return {
      username,
      role: user.role,
      expiresAt: Math.min(issuedAt + this.#maxMs, (session.lastSeenAt ?? now) + this.#idleMs),
    };
  }

  /** Middleware: 401 without a session; otherwise `res.locals.user`. */
  require() {
    return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
      const user = await this.current(request, response);
      if (!user) {
        sendError(response, 401, 'Unauthenticated', 'Sign in to continue.');
        return;
      }
      response.locals.user = { username: user.username, role: user.role } satisfies SignedInUser;
      next();
    };
  }
}

export function signedInUser(response: Response): SignedInUser {
  const user = response.locals.user as SignedInUser | undefined;
  if (!user) throw new Error('route used without the session middleware');
  return user;
}
