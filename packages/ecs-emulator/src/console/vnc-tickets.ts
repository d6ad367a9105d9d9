import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';

/**
 * The tickets DescribeInstanceVncUrl hands out (the `s=` token of its `ws://.../websockify/?s=...`
 * URL). The console's WebSocket endpoint looks a ticket up and consumes it when a client connects.
 * ECS documents the URL as valid for 15 seconds and single-use. The validity is measured on the
 * wall clock, because the browser that connects lives in real time even when the emulated clock
 * runs fast. Tickets are kept per store and are not part of its saved state.
 */

export const VNC_TICKET_TTL_MS = 15_000;

export interface VncTicket {
  readonly token: string;
  readonly instanceId: string;
  readonly regionId: string;
  /** Emulated ms when it was issued. */
  readonly issuedAt: number;
  /** Wall-clock ms when it was issued; the ticket is valid for VNC_TICKET_TTL_MS after this. */
  readonly issuedAtReal: number;
}

const ticketsByStore = new WeakMap<Store, Map<string, VncTicket>>();

function ticketsOf(store: Store): Map<string, VncTicket> {
  let tickets = ticketsByStore.get(store);
  if (!tickets) {
    tickets = new Map();
    ticketsByStore.set(store, tickets);
  }
  return tickets;
}

const isValid = (ticket: VncTicket, realNow: number) => realNow - ticket.issuedAtReal <= VNC_TICKET_TTL_MS;

export function issueVncTicket(
  store: Store,
  target: { instanceId: string; regionId: string; issuedAt: number },
  realNow = Date.now(),
): VncTicket {
  const tickets = ticketsOf(store);
  // Expired tickets can never be used, so issuing is a good moment to forget them.
  for (const [token, ticket] of tickets) if (!isValid(ticket, realNow)) tickets.delete(token);
  const ticket: VncTicket = { token: randomBytes(24).toString('base64url'), ...target, issuedAtReal: realNow };
  tickets.set(ticket.token, ticket);
  return ticket;
}

/** The ticket for `token` if it is still valid and unused, without using it up. */
export function findVncTicket(store: Store, token: string, realNow = Date.now()): VncTicket | undefined {
  const ticket = ticketsByStore.get(store)?.get(token);
  return ticket && isValid(ticket, realNow) ? ticket : undefined;
}

/** Uses the ticket up: it is returned this once if valid, and never again. */
export function consumeVncTicket(store: Store, token: string, realNow = Date.now()): VncTicket | undefined {
  const ticket = findVncTicket(store, token, realNow);
  ticketsByStore.get(store)?.delete(token);
  return ticket;
}
