import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { DYNAMIC_BROTLI_QUALITY, DYNAMIC_GZIP_LEVEL } from '../http/compression.js';
import type { Listing } from './listing.js';

export type BodyEncoding = 'br' | 'gzip';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A listing's compressed bodies, made once per listing and encoding, however many staff get it. */
const encodedBodies = new WeakMap<Listing, Map<BodyEncoding, Promise<Buffer>>>();

/**
 * The listing's answer compressed as the browser asked, with the same settings as every other
 * answer (src/http/compression.ts). Compressing 12 MB costs about 100 ms of CPU; twenty staff on
 * one region share it instead of paying it twenty times.
 */
export function encodedBody(listing: Listing, encoding: BodyEncoding): Promise<Buffer> {
  let bodies = encodedBodies.get(listing);
  if (!bodies) {
    bodies = new Map();
    encodedBodies.set(listing, bodies);
  }
  let body = bodies.get(encoding);
  if (!body) {
    body =
      encoding === 'br'
        ? brotliAsync(listing.body(), {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: listing.body().length,
            },
          })
        : gzipAsync(listing.body(), { level: DYNAMIC_GZIP_LEVEL });
    // A failure is not kept: the next request tries again.
    body.catch(() => bodies.delete(encoding));
    bodies.set(encoding, body);
  }
  return body;
}
