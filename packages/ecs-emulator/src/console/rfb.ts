/**
 * The byte layouts of the Remote Framebuffer protocol, version 3.8 (RFC 6143), that the VNC console
 * needs: pixel formats, ServerInit and Raw-encoded framebuffer updates. The connection logic lives
 * in vnc-server.ts.
 */

export const RFB_VERSION = 'RFB 003.008\n';

export const SECURITY_NONE = 1;
export const SECURITY_VNC_AUTH = 2;

/** Client-to-server message types (RFC 6143 §7.5). */
export const CLIENT_MESSAGE = {
  setPixelFormat: 0,
  setEncodings: 2,
  framebufferUpdateRequest: 3,
  keyEvent: 4,
  pointerEvent: 5,
  clientCutText: 6,
} as const;

export const ENCODING_RAW = 0;

/** RFC 6143 §7.4: how the server must write each pixel. */
export interface PixelFormat {
  readonly bitsPerPixel: number;
  readonly depth: number;
  readonly bigEndian: boolean;
  readonly trueColour: boolean;
  readonly redMax: number;
  readonly greenMax: number;
  readonly blueMax: number;
  readonly redShift: number;
  readonly greenShift: number;
  readonly blueShift: number;
}

/** 32 bits per pixel, little-endian, red in the lowest byte: R, G, B, unused in memory order. */
export const DEFAULT_PIXEL_FORMAT: PixelFormat = {
  bitsPerPixel: 32,
  depth: 24,
  bigEndian: false,
  trueColour: true,
  redMax: 255,
  greenMax: 255,
  blueMax: 255,
  redShift: 0,
  greenShift: 8,
  blueShift: 16,
};

export const PIXEL_FORMAT_BYTES = 16;

export function encodePixelFormat(format: PixelFormat): Buffer {
  const bytes = Buffer.alloc(PIXEL_FORMAT_BYTES);
  bytes.writeUInt8(format.bitsPerPixel, 0);
  bytes.writeUInt8(format.depth, 1);
  bytes.writeUInt8(format.bigEndian ? 1 : 0, 2);
  bytes.writeUInt8(format.trueColour ? 1 : 0, 3);
  bytes.writeUInt16BE(format.redMax, 4);
  bytes.writeUInt16BE(format.greenMax, 6);
  bytes.writeUInt16BE(format.blueMax, 8);
  bytes.writeUInt8(format.redShift, 10);
  bytes.writeUInt8(format.greenShift, 11);
  bytes.writeUInt8(format.blueShift, 12);
  return bytes;
}

export function decodePixelFormat(bytes: Buffer): PixelFormat {
  return {
    bitsPerPixel: bytes.readUInt8(0),
    depth: bytes.readUInt8(1),
    bigEndian: bytes.readUInt8(2) !== 0,
    trueColour: bytes.readUInt8(3) !== 0,
    redMax: bytes.readUInt16BE(4),
    greenMax: bytes.readUInt16BE(6),
    blueMax: bytes.readUInt16BE(8),
    redShift: bytes.readUInt8(10),
    greenShift: bytes.readUInt8(11),
    blueShift: bytes.readUInt8(12),
  };
}

/**
 * Whether the console can draw in this format: true colour at 8, 16 or 32 bits per pixel with
 * channels that fit. Colour maps (palettes) are not offered.
 */
export function isSupportedPixelFormat(format: PixelFormat): boolean {
  const fits = (max: number, shift: number) => max > 0 && shift + Math.log2(max + 1) <= format.bitsPerPixel;
  return (
    format.trueColour &&
    [8, 16, 32].includes(format.bitsPerPixel) &&
    fits(format.redMax, format.redShift) &&
    fits(format.greenMax, format.greenShift) &&
    fits(format.blueMax, format.blueShift)
  );
}

/** ServerInit (§7.3.2): framebuffer size, the server's pixel format and the desktop name. */
export function encodeServerInit(width: number, height: number, format: PixelFormat, name: string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt16BE(width, 0);
  head.writeUInt16BE(height, 2);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(nameBytes.length, 0);
  return Buffer.concat([head, encodePixelFormat(format), length, nameBytes]);
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A FramebufferUpdate (§7.6.1) with one Raw rectangle (§7.7.1) cut from an RGB image (three bytes
 * per pixel, `imageWidth` pixels per row), written in the client's pixel format.
 */
export function encodeRawUpdate(rgb: Uint8Array, imageWidth: number, rect: Rect, format: PixelFormat): Buffer {
  const bytesPerPixel = format.bitsPerPixel / 8;
  const message = Buffer.alloc(4 + 12 + rect.width * rect.height * bytesPerPixel);
  message.writeUInt8(0, 0); // FramebufferUpdate
  message.writeUInt16BE(1, 2); // one rectangle
  message.writeUInt16BE(rect.x, 4);
  message.writeUInt16BE(rect.y, 6);
  message.writeUInt16BE(rect.width, 8);
  message.writeUInt16BE(rect.height, 10);
  message.writeInt32BE(ENCODING_RAW, 12);
  let offset = 16;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const source = (y * imageWidth + x) * 3;
      const pixel = pixelValue(format, rgb[source]!, rgb[source + 1]!, rgb[source + 2]!);
      writePixel(message, offset, pixel, bytesPerPixel, format.bigEndian);
      offset += bytesPerPixel;
    }
  }
  return message;
}

/** The pixel as the client's format packs it: each 8-bit channel scaled to its max, then shifted. */
function pixelValue(format: PixelFormat, r: number, g: number, b: number): number {
  const channel = (value: number, max: number, shift: number) => Math.round((value * max) / 255) * 2 ** shift;
  return (
    channel(r, format.redMax, format.redShift) +
    channel(g, format.greenMax, format.greenShift) +
    channel(b, format.blueMax, format.blueShift)
  );
}

function writePixel(buffer: Buffer, offset: number, pixel: number, bytes: number, bigEndian: boolean): void {
  if (bytes === 1) buffer.writeUInt8(pixel, offset);
  else if (bytes === 2 && bigEndian) buffer.writeUInt16BE(pixel, offset);
  else if (bytes === 2) buffer.writeUInt16LE(pixel, offset);
  else if (bigEndian) buffer.writeUInt32BE(pixel, offset);
  else buffer.writeUInt32LE(pixel, offset);
}
