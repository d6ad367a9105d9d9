import type { Role } from './roles.js';

/** Where the console's ECS calls go. `emulator` means no real cloud resources are behind it. */
export type BackendKind = 'cloud' | 'endpoint' | 'emulator';

export interface SessionUser {
  readonly username: string;
  readonly role: Role;
}

/** `GET /api/session` and `POST /api/session`. */
export interface SessionAnswer {
  readonly user: SessionUser;
  /** ISO 8601: when the session ends unless used (idle) or at the latest (absolute). */
  readonly expiresAt: string;
  readonly backend: { readonly kind: BackendKind; readonly defaultRegion: string };
}

/** `POST /api/session`. */
export interface LoginRequest {
  readonly username: string;
  readonly password: string;
}

/** `PUT /api/session/password`: a signed-in user changes their own password. */
export interface PasswordChangeRequest {
  readonly currentPassword: string;
  readonly newPassword: string;
}

/** The console's own database: PGlite in the data directory, or a PostgreSQL server. */
export interface DatabaseHealth {
  readonly kind: 'embedded' | 'server';
  /** Whether a query answered just now. */
  readonly reachable: boolean;
  /** Schema version the database is migrated to. */
  readonly schemaVersion: number;
  /** Round trip of the check, when reachable. */
  readonly latencyMs?: number;
}

/**
 * `GET /api/health` (always 200 while the process serves) and `GET /api/health/ready` (200 when
 * ready, 503 `StorageUnavailable` with this body's fields otherwise): a load balancer sends
 * traffic to a replica only while `ready`.
 */
export interface HealthAnswer {
  readonly status: 'ok' | 'degraded';
  readonly ready: boolean;
  readonly backend: BackendKind;
  readonly database: DatabaseHealth;
}
