import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the server saw it: V3 and V2 parameters merged into `params`. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** Query and form body merged; for V3 the action comes from `x-acs-action`. */
  readonly params: Record<string, string>;
  readonly action: string;
}

export type Handler = (request: ReceivedRequest, response: ServerResponse) => void | Promise<void>;

/**
 * A real HTTP server on 127.0.0.1 with a swappable handler, for exercising the client over real
 * sockets: status codes, slow answers, dropped connections.
 */
export class TestServer {
  readonly requests: ReceivedRequest[] = [];
  handler: Handler = (_request, response) => json(response, 200, { RequestId: 'TEST-REQUEST' });
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();

  private constructor(server: Server) {
    this.#server = server;
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  /** A server not yet listening (see `listen`), for suites that set it up in a hook. */
  static create(): TestServer {
    const server = createServer();
    const testServer = new TestServer(server);
    server.on('request', (request, response) => void testServer.#handle(request, response));
    return testServer;
  }

  static async start(): Promise<TestServer> {
    const testServer = TestServer.create();
    await testServer.listen();
    return testServer;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    if ((request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
    }
    const action = (request.headers['x-acs-action'] as string | undefined) ?? params.Action ?? '';
    const received: ReceivedRequest = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      headers: request.headers,
      body,
      params,
      action,
    };
    this.requests.push(received);
    await this.handler(received, response);
  }
}

export function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export function ecsError(response: ServerResponse, status: number, code: string, message = `${code} message`): void {
  json(response, status, { RequestId: `REQ-${code}`, HostId: 'ecs.test.local', Code: code, Message: message });
}
