import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import { ROLES, type Role } from './roles.js';

export const USERNAME = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash and underscore, starting with a letter');
export const PASSWORD = z.string().min(12, 'at least 12 characters').max(256);

const StoredUser = z.object({
  username: USERNAME,
  role: z.enum(ROLES),
  passwordHash: z.string(),
  createdAt: z.string(),
  /** Bumped on password change and deletion, so existing sessions of that user stop working. */
  sessionVersion: z.number().int().min(0),
});
export type StoredUser = z.infer<typeof StoredUser>;
const UsersFile = z.object({ users: z.array(StoredUser) });

export interface PublicUser {
  readonly username: string;
  readonly role: Role;
  readonly createdAt: string;
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

/**
 * Staff accounts in `users.json` in the data directory (mode 0600), written atomically. Small by
 * design: a console has tens of users, not millions.
 */
export class UserStore {
  readonly #path: string;
  #users: StoredUser[] = [];

  private constructor(path: string) {
    this.#path = path;
  }

  static async open(path: string): Promise<UserStore> {
    const store = new UserStore(path);
    try {
      store.#users = UsersFile.parse(JSON.parse(await readFile(path, 'utf8'))).users;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read ${path}`, { cause: error });
    }
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

  list(): PublicUser[] {
    return this.#users.map(toPublic);
  }

  find(username: string): StoredUser | undefined {
    return this.#users.find((user) => user.username === username);
  }

  /** The user when the password is right; undefined otherwise (same work either way). */
  async authenticate(username: string, password: string): Promise<StoredUser | undefined> {
    const user = this.find(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    return ok ? user : undefined;
  }

  async create(username: string, password: string, role: Role): Promise<PublicUser> {
    if (this.find(username)) throw new UserError('UserExists', `a user named ${username} already exists`);
    const user: StoredUser = {
      username,
      role,
      passwordHash: await hashPassword(password),
      createdAt: new Date().toISOString(),
      sessionVersion: 0,
    };
    this.#users.push(user);
    await this.#save();
    return toPublic(user);
  }

  async update(username: string, changes: { role?: Role; password?: string }): Promise<PublicUser> {
    const user = this.#require(username);
    if (changes.role && changes.role !== 'admin' && user.role === 'admin') this.#keepAnAdmin(username);
    if (changes.role) user.role = changes.role;
    if (changes.password) {
      user.passwordHash = await hashPassword(changes.password);
      user.sessionVersion++;
    }
    await this.#save();
    return toPublic(user);
  }

  async remove(username: string): Promise<void> {
    const user = this.#require(username);
    if (user.role === 'admin') this.#keepAnAdmin(username);
    this.#users = this.#users.filter((candidate) => candidate !== user);
    await this.#save();
  }

  #require(username: string): StoredUser {
    const user = this.find(username);
    if (!user) throw new UserError('UserNotFound', `no user named ${username}`);
    return user;
  }

  #keepAnAdmin(username: string): void {
    if (!this.#users.some((user) => user.role === 'admin' && user.username !== username)) {
      throw new UserError('LastAdmin', 'the last admin cannot be removed or demoted');
    }
  }

  async #save(): Promise<void> {
    await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
    const temp = `${this.#path}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify({ users: this.#users }, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, this.#path);
  }
}

function toPublic(user: StoredUser): PublicUser {
  return { username: user.username, role: user.role, createdAt: user.createdAt };
}
