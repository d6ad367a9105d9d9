import type { Role } from './roles.js';

/** A console user as `GET /api/users` lists it. */
export interface ConsoleUser {
  readonly username: string;
  readonly role: Role;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** `GET /api/users`. */
export interface UsersAnswer {
  readonly users: readonly ConsoleUser[];
}

/** `POST /api/users`. */
export interface NewUserRequest {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
}

/** `PATCH /api/users/:username`: at least one of them. A new password signs the user out everywhere. */
export interface UserChangesRequest {
  readonly role?: Role;
  readonly password?: string;
}
