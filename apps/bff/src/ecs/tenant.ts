import type { Response } from 'express';
import { signedInUser } from '../auth/session.js';

/**
 * Whose ECS call this is, for the fair scheduler. Passed explicitly rather than carried in an
 * AsyncLocalStorage: on Node 20 that turns on promise hooks for every request, and a 10,000-instance
 * listing (hundreds of thousands of promises) took twice as long with it.
 */
export const CONSOLE_TENANT = 'console';

export function userTenant(response: Response): string {
  return `user:${signedInUser(response).username}`;
}

/** A region's shared listing of one kind (`instances`, `disks`, `snapshots`). */
export function listingTenant(regionId: string, kind: string): string {
  return `listing:${kind}:${regionId}`;
}
