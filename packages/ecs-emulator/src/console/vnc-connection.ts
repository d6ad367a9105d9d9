import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import type { Store } from '../store/store.js';
import type { InstanceRecord } from '../store/types.js';
import { vncAuthResponse } from './des.js';
import {
  CLIENT_MESSAGE,
  decodePixelFormat,
  DEFAULT_PIXEL_FORMAT,
  encodeRawUpdate,
  encodeServerInit,
  isSupportedPixelFormat,
  PIXEL_FORMAT_BYTES,
  RFB_VERSION,
  SECURITY_NONE,
  SECURITY_VNC_AUTH,
  type PixelFormat,
  type Rect,
} from './rfb.js';
import { consoleScreen, wakeDisplay } from './screen.js';
import { renderPixels, SCREENSHOT_HEIGHT, SCREENSHOT_WIDTH } from './screenshot.js';
import { pressKey, type ConsoleKey } from './terminal.js';

/** One RFB session per WebSocket the VNC server (vnc-server.ts) accepted. */

/** How often a connection looks for screen changes while the client waits for an update. */
const REFRESH_INTERVAL_MS = 250;
/** A client cut-text larger than this ends the connection rather than fill memory. */
export const MAX_CUT_TEXT_BYTES = 1024 * 1024;

export interface ConnectionTarget {
  readonly store: () => Store;
  readonly regionId: string;
  readonly instance: InstanceRecord;
  readonly idleTimeoutMs: number;
}

type Phase = 'version' | 'security' | 'auth' | 'clientInit' | 'normal' | 'closed';

// X11 keysyms (X11/keysymdef.h) the console understands.
const KEYSYM = {
  backSpace: 0xff08,
  return: 0xff0d,
  keypadEnter: 0xff8d,
  delete: 0xffff,
  keypadDelete: 0xff9f,
  controlLeft: 0xffe3,
  controlRight: 0xffe4,
  altLeft: 0xffe9,
  altRight: 0xffea,
  /** Keysyms from here on carry a Unicode code point (0x01000000 + code point). */
  unicodeBase: 0x01000000,
} as const;

/** One RFB session over one WebSocket, from the version handshake to the close. */
export class ConsoleConnection {
  readonly #webSocket: WebSocket;
  readonly #target: ConnectionTarget;
  #phase: Phase = 'version';
  /** Bytes received and not yet parsed: WebSocket frames need not align with RFB messages. */
  #pending: Buffer = Buffer.alloc(0);
  #pixelFormat: PixelFormat = DEFAULT_PIXEL_FORMAT;
  #securityType = SECURITY_NONE;
  #challenge: Buffer | undefined;
  /** The pixels the client was last sent; undefined until its first full update. */
  #shown: Uint8Array | undefined;
  /** An incremental update request waiting for the screen to change. */
  #waiting: Rect | undefined;
  readonly #heldModifiers = new Set<number>();
  #idleTimer: NodeJS.Timeout | undefined;
  readonly #refreshTimer: NodeJS.Timeout;

  constructor(webSocket: WebSocket, target: ConnectionTarget) {
    this.#webSocket = webSocket;
    this.#target = target;
    webSocket.on('message', (data) => this.#receive(data));
    webSocket.on('close', () => this.#stop());
    webSocket.on('error', () => this.#stop());
    this.#refreshTimer = setInterval(() => this.#refresh(), REFRESH_INTERVAL_MS);
    this.#refreshTimer.unref();
    this.#touch();
    this.#send(Buffer.from(RFB_VERSION, 'latin1'));
  }

  #send(bytes: Buffer): void {
    if (this.#phase !== 'closed') this.#webSocket.send(bytes);
  }

  #close(code: number, reason: string): void {
    if (this.#phase === 'closed') return;
    this.#stop();
    this.#webSocket.close(code, reason);
  }

  #stop(): void {
    this.#phase = 'closed';
    clearTimeout(this.#idleTimer);
    clearInterval(this.#refreshTimer);
  }

  /** Every client message restarts the idle countdown. */
  #touch(): void {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.#close(1000, 'Idle timeout'), this.#target.idleTimeoutMs);
    this.#idleTimer.unref();
  }

  /** The instance as the emulator now has it, or undefined once it was released or the state reset. */
  #instance(): InstanceRecord | undefined {
    const store = this.#target.store();
    store.advance();
    const instance = store.region(this.#target.regionId)?.instances.get(this.#target.instance.InstanceId);
    return instance === this.#target.instance ? instance : undefined;
  }

  #receive(data: RawData): void {
    if (this.#phase === 'closed') return;
    this.#touch();
    const chunk = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    this.#pending = Buffer.concat([this.#pending, chunk]);
    // Parse as many whole messages as have arrived; a partial one waits for more bytes.
    for (let used = this.#parse(this.#pending); used > 0; used = this.#parse(this.#pending)) {
      this.#pending = this.#pending.subarray(used);
    }
  }

  /** Handles the first message in `bytes` if it is complete and returns its length, else 0. */
  #parse(bytes: Buffer): number {
    switch (this.#phase) {
      case 'version':
        return bytes.length < 12 ? 0 : (this.#onVersion(bytes.subarray(0, 12).toString('latin1')), 12);
      case 'security':
        return bytes.length < 1 ? 0 : (this.#onSecurityType(bytes.readUInt8(0)), 1);
      case 'auth':
        return bytes.length < 16 ? 0 : (this.#onAuthResponse(bytes.subarray(0, 16)), 16);
      case 'clientInit':
        return bytes.length < 1 ? 0 : (this.#onClientInit(), 1);
      case 'normal':
        return this.#parseClientMessage(bytes);
      case 'closed':
        return 0;
    }
  }

  #onVersion(version: string): void {
    // Only 3.8 is spoken (noVNC asks for it); 3.3 and 3.7 negotiate security differently.
    if (version !== RFB_VERSION) return this.#close(1002, 'Unsupported RFB version');
    const instance = this.#instance();
    if (!instance) return this.#close(1000, 'The instance is not running');
    this.#securityType = instance.vncPassword === undefined ? SECURITY_NONE : SECURITY_VNC_AUTH;
    this.#send(Buffer.from([1, this.#securityType]));
    this.#phase = 'security';
  }

  #onSecurityType(type: number): void {
    if (type !== this.#securityType) return this.#fail('Security type not offered');
    if (type === SECURITY_NONE) {
      this.#send(securityResult(0));
      this.#phase = 'clientInit';
      return;
    }
    this.#challenge = randomBytes(16);
    this.#send(this.#challenge);
    this.#phase = 'auth';
  }

  #onAuthResponse(response: Buffer): void {
    // The password is read now, so a ModifyInstanceVncPasswd since the connect applies.
    const password = this.#instance()?.vncPassword ?? '';
    const expected = vncAuthResponse(password, this.#challenge!);
    if (!timingSafeEqual(expected, response)) return this.#fail('Authentication failed');
    this.#send(securityResult(0));
    this.#phase = 'clientInit';
  }

  /** SecurityResult "failed" with its reason (§7.1.3), then the close. */
  #fail(reason: string): void {
    const reasonBytes = Buffer.from(reason, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(reasonBytes.length, 0);
    this.#send(Buffer.concat([securityResult(1), length, reasonBytes]));
    this.#close(1000, reason);
  }

  #onClientInit(): void {
    // The shared flag does not matter: every connection sees the same console.
    const name = `${this.#target.instance.InstanceId} (${this.#target.instance.console.hostName})`;
    this.#send(encodeServerInit(SCREENSHOT_WIDTH, SCREENSHOT_HEIGHT, this.#pixelFormat, name));
    this.#phase = 'normal';
  }

  #parseClientMessage(bytes: Buffer): number {
    if (bytes.length < 1) return 0;
    const need = (length: number, handle: () => void) => (bytes.length < length ? 0 : (handle(), length));
    switch (bytes.readUInt8(0)) {
      case CLIENT_MESSAGE.setPixelFormat:
        return need(4 + PIXEL_FORMAT_BYTES, () => this.#onSetPixelFormat(bytes.subarray(4, 4 + PIXEL_FORMAT_BYTES)));
      case CLIENT_MESSAGE.setEncodings:
        // Raw is always allowed (§7.7), so the list only needs skipping.
        return bytes.length < 4 ? 0 : need(4 + 4 * bytes.readUInt16BE(2), () => undefined);
      case CLIENT_MESSAGE.framebufferUpdateRequest:
        return need(10, () =>
          this.#onUpdateRequest(bytes.readUInt8(1) !== 0, {
            x: bytes.readUInt16BE(2),
            y: bytes.readUInt16BE(4),
            width: bytes.readUInt16BE(6),
            height: bytes.readUInt16BE(8),
          }),
        );
      case CLIENT_MESSAGE.keyEvent:
        return need(8, () => this.#onKey(bytes.readUInt8(1) !== 0, bytes.readUInt32BE(4)));
      case CLIENT_MESSAGE.pointerEvent:
        // The text console has no mouse, but moving it wakes a sleeping display.
        return need(6, () => this.#wake());
      case CLIENT_MESSAGE.clientCutText: {
        if (bytes.length < 8) return 0;
        const length = bytes.readUInt32BE(4);
        if (length > MAX_CUT_TEXT_BYTES) return (this.#close(1009, 'Cut text too large'), 0);
        // The console has no clipboard; pasted text is typed as keys by the client instead.
        return need(8 + length, () => undefined);
      }
      default:
        this.#close(1002, 'Unknown RFB message');
        return 0;
    }
  }

  #onSetPixelFormat(bytes: Buffer): void {
    const format = decodePixelFormat(bytes);
    if (!isSupportedPixelFormat(format)) return this.#close(1003, 'Unsupported pixel format');
    this.#pixelFormat = format;
    // Pixels already shown were in the old format; the next update must be complete.
    this.#shown = undefined;
  }

  #onUpdateRequest(incremental: boolean, requested: Rect): void {
    const rect = clip(requested);
    if (!rect) return;
    const pixels = this.#pixels();
    if (!pixels) return this.#close(1000, 'The instance is not running');
    if (!incremental || !this.#shown) return this.#sendUpdate(pixels, rect);
    this.#waiting = rect;
    this.#refresh(pixels);
  }

  /** Sends the changed part of a waiting incremental request, if anything changed. */
  #refresh(pixels = this.#pixels()): void {
    if (this.#phase !== 'normal' || !this.#waiting) return;
    if (!pixels) return this.#close(1000, 'The instance is not running');
    const changed = changedRows(this.#shown!, pixels);
    if (!changed) return;
    const waiting = this.#waiting;
    const top = Math.max(waiting.y, changed.first);
    const bottom = Math.min(waiting.y + waiting.height, changed.last + 1);
    if (top >= bottom) return;
    this.#waiting = undefined;
    this.#sendUpdate(pixels, { x: waiting.x, y: top, width: waiting.width, height: bottom - top });
  }

  #sendUpdate(pixels: Uint8Array, rect: Rect): void {
    this.#send(encodeRawUpdate(pixels, SCREENSHOT_WIDTH, rect, this.#pixelFormat));
    // Remember what the client now has: the new pixels inside the rectangle, the old ones outside.
    const shown = this.#shown ?? new Uint8Array(pixels.length);
    for (let y = rect.y; y < rect.y + rect.height; y++) {
      const start = (y * SCREENSHOT_WIDTH + rect.x) * 3;
      shown.set(pixels.subarray(start, start + rect.width * 3), start);
    }
    this.#shown = shown;
  }

  /** The console screen's pixels now, or undefined once the instance stopped running. */
  #pixels(): Uint8Array | undefined {
    const instance = this.#instance();
    if (instance?.Status !== 'Running') return undefined;
    const store = this.#target.store();
    const region = store.region(this.#target.regionId)!;
    return renderPixels(consoleScreen(region, instance, store.clock.now()));
  }

  #wake(): void {
    const instance = this.#instance();
    if (instance) wakeDisplay(instance, this.#target.store().clock.now());
  }

  #onKey(down: boolean, keysym: number): void {
    const isModifier = [KEYSYM.controlLeft, KEYSYM.controlRight, KEYSYM.altLeft, KEYSYM.altRight].some(
      (modifier) => modifier === keysym,
    );
    if (isModifier) {
      if (down) this.#heldModifiers.add(keysym);
      else this.#heldModifiers.delete(keysym);
      return;
    }
    if (!down) return;
    const instance = this.#instance();
    if (!instance) return;
    wakeDisplay(instance, this.#target.store().clock.now());
    const key = this.#consoleKey(keysym);
    const region = this.#target.store().region(this.#target.regionId);
    if (key && region) pressKey(region, instance, key);
    this.#refresh();
  }

  #consoleKey(keysym: number): ConsoleKey | undefined {
    const held = this.#heldModifiers;
    const control = held.has(KEYSYM.controlLeft) || held.has(KEYSYM.controlRight);
    const alt = held.has(KEYSYM.altLeft) || held.has(KEYSYM.altRight);
    if (keysym === KEYSYM.delete || keysym === KEYSYM.keypadDelete) {
      return control && alt ? { kind: 'ctrl-alt-del' } : undefined;
    }
    if (keysym === KEYSYM.return || keysym === KEYSYM.keypadEnter) return { kind: 'enter' };
    if (keysym === KEYSYM.backSpace) return { kind: 'backspace' };
    // Control and Alt combinations (Ctrl+C, ...) have no effect on the line editor.
    if (control || alt) return undefined;
    // Latin-1 keysyms are their code points; others carry a Unicode code point above 0x01000000.
    if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff)) {
      return { kind: 'text', text: String.fromCharCode(keysym) };
    }
    if (keysym > KEYSYM.unicodeBase && keysym <= KEYSYM.unicodeBase + 0x10ffff) {
      return { kind: 'text', text: String.fromCodePoint(keysym - KEYSYM.unicodeBase) };
    }
    return undefined;
  }
}

function securityResult(status: 0 | 1): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(status, 0);
  return bytes;
}

/** The part of a requested rectangle inside the framebuffer, or undefined if none is. */
function clip(rect: Rect): Rect | undefined {
  const right = Math.min(rect.x + rect.width, SCREENSHOT_WIDTH);
  const bottom = Math.min(rect.y + rect.height, SCREENSHOT_HEIGHT);
  if (rect.x >= right || rect.y >= bottom) return undefined;
  return { x: rect.x, y: rect.y, width: right - rect.x, height: bottom - rect.y };
}

/** The first and last pixel rows that differ, or undefined when the images are the same. */
function changedRows(before: Uint8Array, after: Uint8Array): { first: number; last: number } | undefined {
  const stride = SCREENSHOT_WIDTH * 3;
  const rowDiffers = (y: number) =>
    Buffer.compare(before.subarray(y * stride, (y + 1) * stride), after.subarray(y * stride, (y + 1) * stride)) !== 0;
  let first = 0;
  while (first < SCREENSHOT_HEIGHT && !rowDiffers(first)) first++;
  if (first === SCREENSHOT_HEIGHT) return undefined;
  let last = SCREENSHOT_HEIGHT - 1;
  while (last > first && !rowDiffers(last)) last--;
  return { first, last };
}
