import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { signedInUser } from '../auth/session.js';

/**
 * Whose ECS call this is, for the fair scheduler: carried through the request's async work so that
 * every route's `client.call` is attributed without passing the user down by hand.
 */
const tenantStorage = new AsyncLocalStorage<string>();

/** Calls made outside any request (start-up, background work). */
const CONSOLE_TENANT = 'console';

export function currentEcsTenant(): string {
  return tenantStorage.getStore() ?? CONSOLE_TENANT;
}

export function runAsEcsTenant<T>(tenant: string, work: () => T): T {
  return tenantStorage.run(tenant, work);
}

/** After sign-in is required: the rest of the request calls ECS as the signed-in user. */
export function ecsTenantPerUser(): RequestHandler {
  return (_request, response, next) => {
    runAsEcsTenant(`user:${signedInUser(response).username}`, next);
  };
}
