import { WebSocket } from 'ws';
import { vncAuthResponse } from '../../src/console/des.js';

/**
 * A minimal RFB 3.8 client over WebSocket, for tests of the emulator's VNC console: the handshake
 * (None or VNC Authentication), Raw framebuffer updates into a local copy, and key events.
 */

export interface ServerInit {
  readonly width: number;
  readonly height: number;
  readonly name: string;
  readonly securityType: number;
}

/** The HTTP status that refused a WebSocket upgrade to `url`, or 101 if it was accepted. */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.on('open', () => {
      socket.terminate();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => {
      response.resume();
      socket.terminate();
      resolve(response.statusCode ?? 0);
    });
    socket.on('error', () => undefined);
  });
}

export class RfbClient {
  readonly #socket: WebSocket;
  #received: Buffer = Buffer.alloc(0);
  #wake: (() => void) | undefined;
  /** 4 bytes per pixel, in the server's default format (R, G, B, unused). */
  framebuffer = Buffer.alloc(0);
  width = 0;
  /** Resolves with the close code and reason once the server closes the connection. */
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (data: Buffer) => {
      this.#received = Buffer.concat([this.#received, data]);
      this.#wake?.();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.#wake?.();
      });
    });
  }

  static connect(url: string): Promise<RfbClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const client = new RfbClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }

  /** Waits for exactly `length` more bytes from the server. */
  async read(length: number): Promise<Buffer> {
    while (this.#received.length < length) {
      if (this.#socket.readyState === WebSocket.CLOSED) throw new Error('connection closed');
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
    const bytes = this.#received.subarray(0, length);
    this.#received = this.#received.subarray(length);
    return bytes;
  }

  write(bytes: Buffer | number[]): void {
    this.#socket.send(Buffer.from(bytes));
  }

  /** Version, security (with `password` if the server asks for VNC Authentication) and init. */
  async handshake(password?: string): Promise<ServerInit> {
    const version = (await this.read(12)).toString('latin1');
    if (version !== 'RFB 003.008\n') throw new Error(`unexpected version ${JSON.stringify(version)}`);
    this.write(Buffer.from(version, 'latin1'));
    const count = (await this.read(1))[0]!;
    const types = [...(await this.read(count))];
    const securityType = types[0]!;
    this.write([securityType]);
    if (securityType === 2) {
      const challenge = await this.read(16);
      this.write(vncAuthResponse(password ?? '', challenge));
    }
    const result = (await this.read(4)).readUInt32BE(0);
    if (result !== 0) {
      const length = (await this.read(4)).readUInt32BE(0);
      throw new Error(`security failed: ${(await this.read(length)).toString('utf8')}`);
    }
    this.write([1]); // ClientInit, shared
    const head = await this.read(24);
    const name = (await this.read(head.readUInt32BE(20))).toString('utf8');
    this.width = head.readUInt16BE(0);
    const height = head.readUInt16BE(2);
    this.framebuffer = Buffer.alloc(this.width * height * 4);
    this.write([2, 0, 0, 1, 0, 0, 0, 0]); // SetEncodings: Raw only
    return { width: this.width, height, name, securityType };
  }

  /** Sends a FramebufferUpdateRequest for the whole screen and applies the update that answers it. */
  async update(incremental: boolean, height = this.framebuffer.length / 4 / this.width): Promise<number> {
    const request = Buffer.alloc(10);
    request.writeUInt8(3, 0);
    request.writeUInt8(incremental ? 1 : 0, 1);
    request.writeUInt16BE(this.width, 6);
    request.writeUInt16BE(height, 8);
    this.write(request);
    return this.readUpdate();
  }

  /** Reads one FramebufferUpdate of Raw rectangles into the framebuffer; returns the pixels it covered. */
  async readUpdate(): Promise<number> {
    const head = await this.read(4);
    if (head[0] !== 0) throw new Error(`unexpected message type ${head[0]}`);
    let covered = 0;
    for (let i = 0; i < head.readUInt16BE(2); i++) {
      const rect = await this.read(12);
      const [x, y, w, h] = [0, 2, 4, 6].map((offset) => rect.readUInt16BE(offset)) as [number, number, number, number];
      if (rect.readInt32BE(8) !== 0) throw new Error('expected Raw encoding');
      const pixels = await this.read(w * h * 4);
      for (let row = 0; row < h; row++) {
        pixels.copy(this.framebuffer, ((y + row) * this.width + x) * 4, row * w * 4, (row + 1) * w * 4);
      }
      covered += w * h;
    }
    return covered;
  }

  key(keysym: number, down: boolean): void {
    const event = Buffer.alloc(8);
    event.writeUInt8(4, 0);
    event.writeUInt8(down ? 1 : 0, 1);
    event.writeUInt32BE(keysym, 4);
    this.write(event);
  }

  /** Presses and releases each character's key, as noVNC's "send text" does. */
  type(text: string): void {
    for (const char of text) {
      const keysym = char === '\n' ? 0xff0d : char.charCodeAt(0);
      this.key(keysym, true);
      this.key(keysym, false);
    }
  }

  close(): void {
    this.#socket.close();
  }
}
