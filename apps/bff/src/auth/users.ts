import { randomUUID } from 'node:crypto';
import type { ConsoleUser, Role } from '@ecs-console/contract';
import { z } from 'zod';
import { insertAuditEntry } from '../audit/audit-store.js';
import { sqlState, UNIQUE_VIOLATION, type Database, type Queryable } from '../storage/database.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';

export const USERNAME = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash and underscore, starting with a letter');
/** The shape only; whether a new password is strong enough is `passwordWeakness`'s call. */
export const PASSWORD = z.string().min(1).max(256);

export interface StoredUser {
  /** Random, assigned on creation and never reused: sessions are bound to it, not to the name. */
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly createdAt: string;
  /** Bumped on password change, so the user's other sessions stop working. */
  readonly sessionVersion: number;
}

/**
 * Who makes a user change, for its audit entry (written in the change's own transaction). Without
 * it (tests, start-up) the change is not audited. `action` overrides the one the change implies.
 */
export interface UserChangeAudit {
  readonly user: string;
  readonly role?: Role | undefined;
  readonly sourceIp?: string | undefined;
  readonly requestId?: string | undefined;
  readonly action?: string;
}

export class UserError extends Error {
  constructor(
    readonly code: 'UserExists' | 'UserNotFound' | 'LastAdmin',
    message: string,
  ) {
    super(message);
  }
}

/** A password scrypt would check, for unknown users, so a login takes as long whether or not the user exists. */
const DUMMY_HASH_PROMISE = hashPassword('not-a-user-password');

const COLUMNS = 'id, username, role, password_hash, created_at, session_version';
interface UserRow {
  id: string;
  username: string;
  role: Role;
  password_hash: string;
  created_at: Date;
  session_version: number;
}

/**
 * Staff accounts in the `users` table. Nothing is kept in memory: every read asks the database,
 * so replicas sharing it see each change at once. Integrity is the database's: a UNIQUE username,
 * and role changes and deletes that lock the admin rows first, so the last admin stays even when
 * two admins demote each other at the same moment. A change and its audit entry commit together.
 */
export class UserStore {
  readonly #db: Database;
  readonly #now: () => Date;

  constructor(db: Database, options: { now?: () => Date } = {}) {
    this.#db = db;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Creates `admin` when there are no users. Start-up runs it under the migration lock, and the
   * ON CONFLICT keeps it to one `admin` even without that lock (NOT EXISTS alone races in
   * READ COMMITTED: two callers can both see an empty table). Returns the password to print once
   * only to the start that generated it.
   */
  async ensureAdmin(
    password: string | undefined,
    q: Queryable = this.#db,
  ): Promise<{ created: boolean; generatedPassword?: string }> {
    if ((await q.query('SELECT 1 FROM users LIMIT 1')).length > 0) return { created: false };
    const chosen = password ?? generatePassword();
    const passwordHash = await hashPassword(chosen);
    const created = await q.query(
      `INSERT INTO users (id, username, role, password_hash, created_at)
       SELECT $1, 'admin', 'admin', $2, $3 WHERE NOT EXISTS (SELECT 1 FROM users)
       ON CONFLICT (username) DO NOTHING
       RETURNING id`,
      [randomUUID(), passwordHash, this.#now()],
    );
    if (created.length === 0) return { created: false };
    return password ? { created: true } : { created: true, generatedPassword: chosen };
  }

  async list(): Promise<ConsoleUser[]> {
    const rows = await this.#db.query<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY created_at, username`);
    return rows.map((row) => toPublic(fromRow(row)));
  }

  async find(username: string): Promise<StoredUser | undefined> {
    const [row] = await this.#db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
    return row && fromRow(row);
  }

  async findById(id: string): Promise<StoredUser | undefined> {
    const [row] = await this.#db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    return row && fromRow(row);
  }

  /** The user when the password is right; undefined otherwise (same work either way). */
  async authenticate(username: string, password: string): Promise<StoredUser | undefined> {
    const user = await this.find(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    return ok ? user : undefined;
  }

  /** Whether `password` is the account's current one (false for an account that is gone). */
  async verify(id: string, password: string): Promise<boolean> {
    const user = await this.findById(id);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    return ok && !!user;
  }

  /** `UserExists` comes from the UNIQUE constraint, so two replicas cannot both create one name. */
  async create(username: string, password: string, role: Role, audit?: UserChangeAudit): Promise<ConsoleUser> {
    const exists = () => new UserError('UserExists', `a user named ${username} already exists`);
    // A cheap check first spares the slow hash for names already taken; the constraint decides.
    if (await this.find(username)) throw exists();
    const passwordHash = await hashPassword(password);
    const now = this.#now();
    try {
      return await this.#db.transaction(async (tx) => {
        const [row] = await tx.query<UserRow>(
          `INSERT INTO users (id, username, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
           RETURNING ${COLUMNS}`,
          [randomUUID(), username, role, passwordHash, now],
        );
        await this.#audit(tx, audit, username, `CreateUser(${role})`, now);
        return toPublic(fromRow(row!));
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw exists();
      throw error;
    }
  }

  /** A new password ends the account's sessions (`sessionVersion`); the caller may re-issue its own. */
  async update(
    username: string,
    changes: { role?: Role | undefined; password?: string | undefined },
    audit?: UserChangeAudit,
  ): Promise<ConsoleUser> {
    const passwordHash = changes.password === undefined ? null : await hashPassword(changes.password);
    const action = [changes.role && `ChangeRole(${changes.role})`, changes.password !== undefined && 'ChangePassword']
      .filter(Boolean)
      .join('+');
    const now = this.#now();
    return this.#db.transaction(async (tx) => {
      const user = await lockForChange(tx, username, changes.role !== undefined && changes.role !== 'admin');
      const [row] = await tx.query<UserRow>(
        `UPDATE users SET
           role = coalesce($2::text, role),
           password_hash = coalesce($3::text, password_hash),
           session_version = session_version + CASE WHEN $3::text IS NULL THEN 0 ELSE 1 END
         WHERE id = $1
         RETURNING ${COLUMNS}`,
        [user.id, changes.role ?? null, passwordHash],
      );
      await this.#audit(tx, audit, username, action, now);
      return toPublic(fromRow(row!));
    });
  }

  async remove(username: string, audit?: UserChangeAudit): Promise<void> {
    const now = this.#now();
    await this.#db.transaction(async (tx) => {
      const user = await lockForChange(tx, username, true);
      await tx.query('DELETE FROM users WHERE id = $1', [user.id]);
      await this.#audit(tx, audit, username, 'DeleteUser', now);
    });
  }

  async #audit(
    tx: Queryable,
    audit: UserChangeAudit | undefined,
    target: string,
    action: string,
    time: Date,
  ): Promise<void> {
    if (!audit) return;
    await insertAuditEntry(
      tx,
      {
        user: audit.user,
        role: audit.role,
        sourceIp: audit.sourceIp,
        requestId: audit.requestId,
        event: 'user',
        action: audit.action ?? action,
        resourceIds: [target],
        params: {},
        outcome: 'success',
      },
      time,
    );
  }
}

/**
 * Locks the target row and every admin row for the rest of the transaction (in one order, so
 * two changes cannot deadlock). A concurrent demotion waits here and then sees the other's
 * commit, so of two admins demoting each other the second finds itself the last and is refused.
 */
async function lockForChange(tx: Queryable, username: string, losesAdmin: boolean): Promise<StoredUser> {
  const rows = await tx.query<UserRow>(
    `SELECT ${COLUMNS} FROM users WHERE username = $1 OR role = 'admin' ORDER BY id FOR UPDATE`,
    [username],
  );
  const target = rows.find((row) => row.username === username);
  if (!target) throw new UserError('UserNotFound', `no user named ${username}`);
  if (losesAdmin && target.role === 'admin' && !rows.some((row) => row.role === 'admin' && row.id !== target.id)) {
    throw new UserError('LastAdmin', 'the last admin cannot be removed or demoted');
  }
  return fromRow(target);
}

function fromRow(row: UserRow): StoredUser {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    passwordHash: row.password_hash,
    createdAt: row.created_at.toISOString(),
    sessionVersion: row.session_version,
  };
}

function toPublic(user: StoredUser): ConsoleUser {
  return { username: user.username, role: user.role, createdAt: user.createdAt };
}
