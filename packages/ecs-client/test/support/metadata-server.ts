import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One RAM role's answer, as the ECS instance metadata service gives it. */
export interface RoleAnswer {
  AccessKeyId?: string;
  AccessKeySecret?: string;
  SecurityToken?: string;
  Expiration?: string;
  Code?: string;
}

export interface MetadataRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
}

/**
 * A stand-in for the ECS instance metadata service (100.100.100.200) on 127.0.0.1: session tokens
 * (`PUT /latest/api/token`), the attached role's name and its STS credentials. Tests change what
 * it answers between calls and read what it was asked.
 */
export class MetadataServer {
  readonly requests: MetadataRequest[] = [];
  /** The attached role; undefined answers the role list with 404, as an instance without one. */
  roleName: string | undefined = 'console-role';
  /** What the credentials path answers for the attached role (a function to vary it per call). */
  role: () => RoleAnswer | { status: number; body: string } = () => ({});
  /** Status for the token request; 200 issues `token`. */
  tokenStatus = 200;
  token = 'metadata-session-token-1';
  /** When true, metadata paths without the session token answer 401 (token required, IMDSv2 only). */
  requireToken = true;
  /** When true, requests are accepted but never answered. */
  silent = false;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();

  private constructor() {
    this.#server = createServer((request, response) => this.#handle(request, response));
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  static async start(): Promise<MetadataServer> {
    const server = new MetadataServer();
    await new Promise<void>((resolve) => server.#server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Requests other than the token's. */
  get metadataReads(): MetadataRequest[] {
    return this.requests.filter((request) => request.method === 'GET');
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    this.requests.push({ method: request.method ?? 'GET', path, headers: request.headers });
    if (this.silent) return;
    if (request.method === 'PUT' && path === '/latest/api/token') {
      if (this.tokenStatus !== 200) return text(response, this.tokenStatus, 'token refused');
      return text(response, 200, this.token);
    }
    if (this.requireToken && request.headers['x-aliyun-ecs-metadata-token'] !== this.token) {
      return text(response, 401, 'Unauthorized');
    }
    const prefix = '/latest/meta-data/ram/security-credentials/';
    if (path === prefix) {
      return this.roleName ? text(response, 200, this.roleName) : text(response, 404, 'Not Found');
    }
    if (path.startsWith(prefix) && decodeURIComponent(path.slice(prefix.length)) === this.roleName) {
      const answer = this.role();
      if ('status' in answer) return text(response, answer.status, answer.body);
      return text(response, 200, JSON.stringify(answer));
    }
    text(response, 404, 'Not Found');
  }
}

function text(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** A role answer that expires at `expiresAt` (ms), with numbered keys so a refresh is visible. */
export function roleCredentials(n: number, expiresAt: number): RoleAnswer {
  return {
    AccessKeyId: `STS.role-key-${n}`,
    AccessKeySecret: `role-secret-${n}-DO-NOT-LEAK`,
    SecurityToken: `role-token-${n}-DO-NOT-LEAK`,
    Expiration: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Code: 'Success',
  };
}
