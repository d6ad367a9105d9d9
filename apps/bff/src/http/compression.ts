import { constants } from 'node:zlib';
import compression from 'compression';
import type { RequestHandler } from 'express';

/**
 * Brotli quality for answers compressed on the fly. A 10,000-instance list is ~12 MB of JSON:
 * quality 11 takes seconds of CPU on it, quality 5 about a tenth of a second for a slightly larger
 * result (measured in `pnpm bench wire`). Built assets are precompressed at quality 11 instead.
 */
export const DYNAMIC_BROTLI_QUALITY = 5;
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
