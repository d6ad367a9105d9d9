import { constants } from 'node:zlib';
import compression from 'compression';
import type { Request, RequestHandler } from 'express';
import Negotiator from 'negotiator';

/**
 * Brotli quality for answers compressed on the fly. On the 12 MB JSON of a 10,000-instance list
 * (`pnpm bench wire`): quality 4 gives 0.048x of raw for less CPU than gzip 6 (0.055x); quality 5
 * 0.042x for about twice quality 4's CPU, which a 10 Mbit/s link does not win back; quality 11
 * takes seconds per MB. Built assets are precompressed at quality 11 instead.
 */
export const DYNAMIC_BROTLI_QUALITY = 4;
/** gzip level for clients without brotli: zlib's default, the usual balance of speed and size. */
export const DYNAMIC_GZIP_LEVEL = 6;
/** Below this many bytes compression saves less than it costs (headers, a zlib stream). */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Compresses answers on the fly (brotli or gzip, negotiated by Accept-Encoding with its q-values;
 * identity when neither is accepted), with `Vary: Accept-Encoding` on every compressible answer.
 * `compression` already leaves alone: 304/204 (no Content-Type), images and other incompressible
 * types (screenshots are PNG/JPEG), HEAD, answers that already carry a Content-Encoding
 * (precompressed assets), `Cache-Control: no-transform`, and bodies under the threshold. It keeps
 * the ETag as set, so If-None-Match still answers 304 through it. The console has no streaming
 * answer and the VNC WebSocket goes to ECS (or the emulator), not through this app.
 */
export function compressAnswers(): RequestHandler {
  return compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    level: DYNAMIC_GZIP_LEVEL,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY } },
  });
}

/** `Negotiator#encoding` with the tie-break by server preference (negotiator ≥ 0.6.4; not in its types). */
type EncodingChooser = (available: readonly string[], options: { preferred: readonly string[] }) => string | undefined;

/**
 * `accept-encoding` → which of `available` (or identity) to send: the client's q-values first,
 * then br over gzip, as `compression` itself chooses. Undefined when nothing is acceptable.
 */
export function chooseEncoding(request: Request, available: readonly string[]): string | undefined {
  const negotiator = new Negotiator(request);
  const choose = negotiator.encoding.bind(negotiator) as unknown as EncodingChooser;
  return choose([...available, 'identity'], { preferred: ['br', 'gzip'] });
}
