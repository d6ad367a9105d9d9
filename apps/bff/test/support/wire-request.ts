import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** One answer as it crossed the socket: the body's bytes exactly as sent, not decoded. */
export interface WireResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The bytes on the wire (compressed when Content-Encoding says so). */
  readonly wire: Buffer;
  /** The body decoded per its Content-Encoding. */
  readonly decoded: Buffer;
}

/**
 * A request whose answer is read byte for byte: fetch() would negotiate and decompress on its own,
 * hiding what the server chose. Headers are sent exactly as given (no default Accept-Encoding).
 */
export function wireRequest(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<WireResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: hostname, port, method, path, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const wire = Buffer.concat(chunks);
        const encoding = incoming.headers['content-encoding'];
        const decoded =
          wire.length === 0
            ? wire
            : encoding === 'br'
              ? brotliDecompressSync(wire)
              : encoding === 'gzip'
                ? gunzipSync(wire)
                : wire;
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, wire, decoded });
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Whether a Vary header names `field` (case-insensitive, in a list). */
export function varies(headers: IncomingHttpHeaders, field: string): boolean {
  const vary = headers.vary ?? '';
  return vary
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .includes(field.toLowerCase());
}
