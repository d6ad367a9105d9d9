import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';

/**
 * The tickets DescribeInstanceVncUrl hands out (the `s=` token of its `ws://.../websockify/?s=...`
 * URL). The console's WebSocket endpoint looks a ticket up and consumes it when a client connects.
 * ECS documents the URL as valid for 15 seconds and single-use. The validity is measured on the
 * emulator clock's wall time (`clock.wallNow()`): real seconds, because the browser that connects
 * lives in real time even when emulated time runs fast, plus every advance of the clock, so a test
 * moves past the expiry without waiting. Tickets live in the store and are not part of its saved state.
 */

export const VNC_TICKET_TTL_MS = 15_000;

export interface VncTicket {
  readonly token: string;
  readonly instanceId: string;
  readonly regionId: string;
  /** Emulated ms when it was issued. */
  readonly issuedAt: number;
  /** `clock.wallNow()` when it was issued; the ticket is valid for VNC_TICKET_TTL_MS after this. */
  readonly issuedAtWall: number;
}

const isValid = (ticket: VncTicket, wallNow: number) => wallNow - ticket.issuedAtWall <= VNC_TICKET_TTL_MS;

export function issueVncTicket(
  store: Store,
  target: { instanceId: string; regionId: string; issuedAt: number },
): VncTicket {
  const tickets = store.vncTickets;
  const wallNow = store.clock.wallNow();
  // Expired tickets can never be used, so issuing is a good moment to forget them.
  for (const [token, ticket] of tickets) if (!isValid(ticket, wallNow)) tickets.delete(token);
  const ticket: VncTicket = { token: randomBytes(24).toString('base64url'), ...target, issuedAtWall: wallNow };
  tickets.set(ticket.token, ticket);
  return ticket;
}

/** The ticket for `token` if it is still valid and unused, without using it up. */
export function findVncTicket(store: Store, token: string): VncTicket | undefined {
  const ticket = store.vncTickets.get(token);
  return ticket && isValid(ticket, store.clock.wallNow()) ? ticket : undefined;
}

/** Uses the ticket up: it is returned this once if valid, and never again. */
export function consumeVncTicket(store: Store, token: string): VncTicket | undefined {
  const ticket = findVncTicket(store, token);
  store.vncTickets.delete(token);
  return ticket;
}
