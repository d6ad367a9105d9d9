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

/** `GET /api/health`. */
export interface HealthAnswer {
  readonly status: 'ok';
  readonly backend: BackendKind;
}
