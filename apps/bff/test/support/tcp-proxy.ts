import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of the test PostgreSQL server, so a test can take "the database" away from
 * a running console and give it back: `refuse` closes every connection and refuses new ones (a
 * server that is down), `hang` keeps connections open but passes nothing (a server that does not
 * answer), `forward` passes traffic again.
 */
export class TcpProxy {
  mode: 'forward' | 'refuse' | 'hang' = 'forward';
  readonly #sockets = new Set<Socket>();
  #server: Server;
  #port = 0;

  private constructor(
    readonly targetHost: string,
    readonly targetPort: number,
  ) {
    this.#server = this.#newServer();
  }

  /** A proxy to `url`'s host and port; `url` rewritten to go through it is `proxiedUrl`. */
  static async start(url: string): Promise<{ proxy: TcpProxy; proxiedUrl: string }> {
    const target = new URL(url);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.#listen(0);
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.#port);
    return { proxy, proxiedUrl: proxied.toString() };
  }

  /** The database goes away: open connections are cut, new ones refused (the port is closed). */
  async refuse(): Promise<void> {
    this.mode = 'refuse';
    this.#cutAll();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Connections stay open, but nothing passes either way. */
  hang(): void {
    this.mode = 'hang';
  }

  /** The database is back (on the same port); connections that hung are cut so clients reconnect. */
  async forward(): Promise<void> {
    const was = this.mode;
    this.mode = 'forward';
    if (was === 'hang') this.#cutAll();
    if (!this.#server.listening) {
      this.#server = this.#newServer();
      await this.#listen(this.#port);
    }
  }

  async close(): Promise<void> {
    this.#cutAll();
    if (this.#server.listening) await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #cutAll(): void {
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
  }

  #newServer(): Server {
    return createServer((client) => {
      const upstream = createConnection(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          this.#sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.on('data', (chunk: Buffer) => {
        if (this.mode === 'forward') upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => {
        if (this.mode === 'forward') client.write(chunk);
      });
    });
  }

  #listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => {
        this.#port = (this.#server.address() as { port: number }).port;
        resolve();
      });
    });
  }
}
