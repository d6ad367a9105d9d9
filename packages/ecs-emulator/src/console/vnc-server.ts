import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Store } from '../store/store.js';
import { consumeVncTicket } from './vnc-tickets.js';
import { ConsoleConnection, MAX_CUT_TEXT_BYTES } from './vnc-connection.js';

/**
 * The VNC console behind DescribeInstanceVncUrl: a WebSocket endpoint at `/websockify/?s=<ticket>`
 * on the emulator's own HTTP server that speaks RFB 3.8 (RFC 6143) in binary frames, as noVNC does.
 * The framebuffer is the instance's console screen (the screenshot's pixels); typed keys go to the
 * console's line editor (terminal.ts). As on ECS, each ticket opens one connection within 15 s, an
 * instance takes at most 30 connections a minute, and an idle connection is closed.
 */

export const VNC_PATH = '/websockify/';
/** The SDK documents a 300 s keep-alive (an older reference says 60 s). */
export const DEFAULT_IDLE_TIMEOUT_MS = 300_000;
export const MAX_CONNECTIONS_PER_MINUTE = 30;

export interface VncServerOptions {
  /** Close a connection after this long without a message from the client. Default 300 s. */
  readonly idleTimeoutMs?: number;
  /** Wall clock, for the reconnect limit (tests). Default Date.now. Tickets use the store's clock. */
  readonly realNow?: () => number;
}

export interface VncServer {
  /** For `server.on('upgrade', ...)`: takes `/websockify/` requests and refuses other paths. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every open console connection. */
  close(): void;
}

/** `store` is asked on every use, as the emulator may swap its store (reset, state load). */
export function createVncServer(store: () => Store, options: VncServerOptions = {}): VncServer {
  const realNow = options.realNow ?? (() => Date.now());
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const webSockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CUT_TEXT_BYTES + 64,
    // noVNC 1.7 offers no subprotocol by default; older clients and websockify offer `binary`.
    handleProtocols: (protocols) => (protocols.has('binary') ? 'binary' : false),
  });
  /** Wall-clock times of the connections each instance accepted in the last minute. */
  const recentConnections = new Map<string, number[]>();

  function admit(instanceId: string, now: number): boolean {
    const recent = (recentConnections.get(instanceId) ?? []).filter((at) => now - at < 60_000);
    const admitted = recent.length < MAX_CONNECTIONS_PER_MINUTE;
    if (admitted) recent.push(now);
    recentConnections.set(instanceId, recent);
    return admitted;
  }

  return {
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname !== VNC_PATH && url.pathname !== VNC_PATH.slice(0, -1)) {
        return refuse(socket, 404, 'Not Found', 'There is no WebSocket endpoint here.');
      }
      const now = realNow();
      const current = store();
      // The ticket is used up by this attempt whatever happens next: VNC URLs are single-use.
      const ticket = consumeVncTicket(current, url.searchParams.get('s') ?? '');
      if (!ticket) return refuse(socket, 403, 'Forbidden', 'The VNC URL is invalid, expired or already used.');
      if (!admit(ticket.instanceId, now)) {
        return refuse(socket, 429, 'Too Many Requests', 'More than 30 VNC connections a minute to this instance.');
      }
      current.advance();
      const instance = current.region(ticket.regionId)?.instances.get(ticket.instanceId);
      if (instance?.Status !== 'Running') {
        return refuse(socket, 403, 'Forbidden', 'The instance is not running.');
      }
      webSockets.handleUpgrade(request, socket, head, (webSocket) => {
        new ConsoleConnection(webSocket, { store, regionId: ticket.regionId, instance, idleTimeoutMs });
      });
    },
    close() {
      for (const client of webSockets.clients) client.terminate();
      webSockets.close();
    },
  };
}

/** Answers a WebSocket handshake with a plain HTTP error and hangs up. */
function refuse(socket: Duplex, status: number, reason: string, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
