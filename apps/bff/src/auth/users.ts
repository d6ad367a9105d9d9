import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Mutex } from 'async-mutex';
import { ROLES, type ConsoleUser, type Role } from '@ecs-console/contract';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';

export const USERNAME = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash and underscore, starting with a letter');
/** The shape only; whether a new password is strong enough is `passwordWeakness`'s call. */
export const PASSWORD = z.string().min(1).max(256);

const StoredUser = z.object({
  /** Random, assigned on creation and never reused: sessions are bound to it, not to the name. */
  id: z.string().min(1),
  username: USERNAME,
  role: z.enum(ROLES),
  passwordHash: z.string(),
  createdAt: z.string(),
  /** Bumped on password change, so the user's other sessions stop working. */
  sessionVersion: z.number().int().min(0),
});
export type StoredUser = z.infer<typeof StoredUser>;
/** Files written before accounts had ids get one on load. */
const UsersFile = z.object({ users: z.array(StoredUser.extend({ id: z.string().min(1).optional() })) });

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

/**
 * Staff accounts in `users.json` in the data directory (mode 0600), written atomically. Small by
 * design: a console has tens of users, not millions. Changes run one at a time (check, write,
 * then publish), so two requests cannot both create one name, and a change that could not be
 * written is not applied.
 */
export class UserStore {
  readonly #path: string;
  readonly #changes = new Mutex();
  /** Names being created (hashing their password): a second create of one is refused at once. */
  readonly #creating = new Set<string>();
  #users: readonly StoredUser[] = [];

  private constructor(path: string) {
    this.#path = path;
  }

  static async open(path: string): Promise<UserStore> {
    const store = new UserStore(path);
    let loaded: z.infer<typeof UsersFile>['users'];
    try {
      loaded = UsersFile.parse(JSON.parse(await readFile(path, 'utf8'))).users;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read ${path}`, { cause: error });
      return store;
    }
    const users = loaded.map((user) => ({ ...user, id: user.id ?? randomUUID() }));
    if (loaded.some((user) => user.id === undefined)) await store.#write(users);
    store.#users = users;
    return store;
  }

  get isEmpty(): boolean {
    return this.#users.length === 0;
  }

  /** Creates `admin` when there are no users; returns the password to print once (undefined if given). */
  async ensureAdmin(password: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
    if (!this.isEmpty) return { created: false };
    const chosen = password ?? generatePassword();
    await this.create('admin', chosen, 'admin');
    return password ? { created: true } : { created: true, generatedPassword: chosen };
  }

  list(): ConsoleUser[] {
    return this.#users.map(toPublic);
  }

  find(username: string): StoredUser | undefined {
    return this.#users.find((user) => user.username === username);
  }

  findById(id: string): StoredUser | undefined {
    return this.#users.find((user) => user.id === id);
  }

  /** The user when the password is right; undefined otherwise (same work either way). */
  async authenticate(username: string, password: string): Promise<StoredUser | undefined> {
    const user = this.find(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    return ok ? user : undefined;
  }

  /** Whether `password` is the account's current one (false for an account that is gone). */
  async verify(id: string, password: string): Promise<boolean> {
    const user = this.findById(id);
    return verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE)).then((ok) => ok && !!user);
  }

  async create(username: string, password: string, role: Role): Promise<ConsoleUser> {
    const exists = () => new UserError('UserExists', `a user named ${username} already exists`);
    // The name is claimed before the slow hash, so concurrent creates of one name cost one hash,
    // and checked again inside the change against deletes and creates that finished meanwhile.
    if (this.find(username) || this.#creating.has(username)) throw exists();
    this.#creating.add(username);
    try {
      const passwordHash = await hashPassword(password);
      return await this.#change((users) => {
        if (users.some((user) => user.username === username)) throw exists();
        const user: StoredUser = {
          id: randomUUID(),
          username,
          role,
          passwordHash,
          createdAt: new Date().toISOString(),
          sessionVersion: 0,
        };
        return { users: [...users, user], result: toPublic(user) };
      });
    } finally {
      this.#creating.delete(username);
    }
  }

  /** A new password ends the account's sessions (`sessionVersion`); the caller may re-issue its own. */
  async update(username: string, changes: { role?: Role; password?: string }): Promise<ConsoleUser> {
    const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
    return this.#change((users) => {
      const user = requireUser(users, username);
      if (changes.role && changes.role !== 'admin' && user.role === 'admin') keepAnAdmin(users, username);
      const updated: StoredUser = {
        ...user,
        role: changes.role ?? user.role,
        ...(passwordHash ? { passwordHash, sessionVersion: user.sessionVersion + 1 } : {}),
      };
      return { users: users.map((each) => (each === user ? updated : each)), result: toPublic(updated) };
    });
  }

  async remove(username: string): Promise<void> {
    await this.#change((users) => {
      const user = requireUser(users, username);
      if (user.role === 'admin') keepAnAdmin(users, username);
      return { users: users.filter((each) => each !== user), result: undefined };
    });
  }

  /** One change at a time: computed from the current users, written, and only then made current. */
  #change<T>(apply: (users: readonly StoredUser[]) => { users: readonly StoredUser[]; result: T }): Promise<T> {
    return this.#changes.runExclusive(async () => {
      const { users, result } = apply(this.#users);
      await this.#write(users);
      this.#users = users;
      return result;
    });
  }

  #write(users: readonly StoredUser[]): Promise<void> {
    return writeFileAtomic(this.#path, `${JSON.stringify({ users }, null, 2)}\n`);
  }
}

function requireUser(users: readonly StoredUser[], username: string): StoredUser {
  const user = users.find((each) => each.username === username);
  if (!user) throw new UserError('UserNotFound', `no user named ${username}`);
  return user;
}

function keepAnAdmin(users: readonly StoredUser[], username: string): void {
  if (!users.some((user) => user.role === 'admin' && user.username !== username)) {
    throw new UserError('LastAdmin', 'the last admin cannot be removed or demoted');
  }
}

function toPublic(user: StoredUser): ConsoleUser {
  return { username: user.username, role: user.role, createdAt: user.createdAt };
}
