import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningConsole } from '../src/index.js';
import { startTestConsole } from './support/console-harness.js';
import { varies, wireRequest } from './support/wire-request.js';

/** A fake build of the SPA: what `vite build` writes, precompressed siblings included. */
const SCRIPT = `export const rows = [${Array.from({ length: 600 }, (_, i) => `{ id: 'i-${i}', name: 'web-${i % 7}' }`).join(', ')}];\n`;
const INDEX_HTML = `<!doctype html><html><head><title>ECS Console</title><script type="module" src="/assets/index-AbC123.js"></script>${'<meta name="x" content="padding the page past the compression threshold">'.repeat(30)}</head><body><div id="root"></div></body></html>\n`;
const STYLES = `.table td { padding: 4px; }\n`.repeat(200);
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(60)}</svg>\n`;
/** PNG signature and noise: an image, which is never compressed again. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4096)]);

const brotliMax = (text: string) =>
  brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } });
const gzipMax = (text: string) => gzipSync(text, { level: 9 });

let webRoot: string;
let consoleApp: RunningConsole;
let url: string;

beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'delivery-web-'));
  await mkdir(join(webRoot, 'assets'));
  const files: Record<string, string | Buffer> = {
    'index.html': INDEX_HTML,
    'index.html.br': brotliMax(INDEX_HTML),
    'index.html.gz': gzipMax(INDEX_HTML),
    'assets/index-AbC123.js': SCRIPT,
    'assets/index-AbC123.js.br': brotliMax(SCRIPT),
    'assets/index-AbC123.js.gz': gzipMax(SCRIPT),
    'assets/styles-Dyn456.css': STYLES,
    'assets/logo-Png789.png': PNG,
    'favicon.svg': FAVICON,
  };
  for (const [path, content] of Object.entries(files)) await writeFile(join(webRoot, path), content);
  consoleApp = await startTestConsole({}, undefined, { webRoot });
  url = consoleApp.url;
}, 30_000);
afterAll(() => consoleApp.close());

const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

describe('precompressed built files', () => {
  it('sends the stored .br to a browser that accepts brotli, which decompresses to the file', async () => {
    const answer = await wireRequest(url, '/assets/index-AbC123.js', { 'accept-encoding': BROWSER_ENCODINGS });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(varies(answer.headers, 'Accept-Encoding')).toBe(true);
    expect(answer.wire.equals(brotliMax(SCRIPT))).toBe(true);
    expect(answer.decoded.toString()).toBe(SCRIPT);
  });

  it('sends the stored .gz to a client that accepts only gzip', async () => {
    const answer = await wireRequest(url, '/assets/index-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.wire.equals(gzipMax(SCRIPT))).toBe(true);
    expect(answer.decoded.toString()).toBe(SCRIPT);
  });

  it('follows the q-values: gzip when brotli is liked less, the file itself when both are refused', async () => {
    const gzipPreferred = await wireRequest(url, '/assets/index-AbC123.js', {
      'accept-encoding': 'br;q=0.5, gzip;q=1',
    });
    expect(gzipPreferred.headers['content-encoding']).toBe('gzip');
    for (const refused of ['br;q=0, gzip;q=0', 'identity', 'identity, *;q=0']) {
      const answer = await wireRequest(url, '/assets/index-AbC123.js', { 'accept-encoding': refused });
      expect(answer.headers['content-encoding'], refused).toBeUndefined();
      expect(answer.wire.toString(), refused).toBe(SCRIPT);
      expect(varies(answer.headers, 'Accept-Encoding')).toBe(true);
    }
  });

  it('sends the file itself without Accept-Encoding', async () => {
    const answer = await wireRequest(url, '/assets/index-AbC123.js');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(SCRIPT));
    expect(answer.wire.toString()).toBe(SCRIPT);
  });

  it('compresses on the fly a text file built without siblings', async () => {
    const answer = await wireRequest(url, '/assets/styles-Dyn456.css', { 'accept-encoding': BROWSER_ENCODINGS });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(answer.wire.length).toBeLessThan(Buffer.byteLength(STYLES) / 4);
    expect(answer.decoded.toString()).toBe(STYLES);
  });

  it('never compresses an image', async () => {
    const answer = await wireRequest(url, '/assets/logo-Png789.png', { 'accept-encoding': BROWSER_ENCODINGS });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.wire.equals(PNG)).toBe(true);
  });

  it('does not serve a stored .br as a file of its own', async () => {
    const answer = await wireRequest(url, '/assets/index-AbC123.js.br');
    expect(answer.status).toBe(404);
  });
});

describe('caching', () => {
  it('keeps hashed assets for a year, immutable, whatever the encoding', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const answer = await wireRequest(url, '/assets/index-AbC123.js', { 'accept-encoding': encoding });
      expect(answer.headers['cache-control'], encoding).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates index.html: no-cache with an ETag, and 304 when it did not change', async () => {
    for (const path of ['/', '/index.html', '/instances/cn-hangzhou/i-bp1example?filter=web']) {
      const first = await wireRequest(url, path, { 'accept-encoding': BROWSER_ENCODINGS });
      expect(first.status, path).toBe(200);
      expect(first.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(first.headers['cache-control'], path).toBe('no-cache');
      expect(first.decoded.toString(), path).toBe(INDEX_HTML);
      const etag = first.headers.etag;
      expect(etag, path).toBeTruthy();
      expect(first.headers['last-modified'], path).toBeTruthy();

      const again = await wireRequest(url, path, { 'accept-encoding': BROWSER_ENCODINGS, 'if-none-match': etag! });
      expect(again.status, path).toBe(304);
      expect(again.wire.length, path).toBe(0);
      expect(again.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('gives the page and its precompressed copy different ETags, so a cache cannot mix them up', async () => {
    const plain = await wireRequest(url, '/');
    const brotli = await wireRequest(url, '/', { 'accept-encoding': 'br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(plain.headers.etag).not.toBe(brotli.headers.etag);
  });

  it('keeps other root files for a short while only', async () => {
    const answer = await wireRequest(url, '/favicon.svg', { 'accept-encoding': BROWSER_ENCODINGS });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/svg+xml');
    expect(answer.headers['cache-control']).toBe('public, max-age=3600');
    expect(answer.decoded.toString()).toBe(FAVICON);
  });
});

describe('missing files and methods', () => {
  it('answers a missing hashed asset with a 404 error, not the page', async () => {
    const answer = await wireRequest(url, '/assets/index-OldHash1.js', { 'accept-encoding': BROWSER_ENCODINGS });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(answer.decoded.toString()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 'NotFound' });
    expect(body.requestId).toEqual(expect.any(String));
  });

  it('does not leave the web root', async () => {
    for (const path of ['/assets/..%2f..%2fetc%2fpasswd', '/..%2f..%2fetc%2fpasswd', '/assets/%2e%2e/index.html']) {
      const answer = await wireRequest(url, path);
      expect(answer.decoded.toString(), path).not.toMatch(/root:/);
      expect([200, 404], path).toContain(answer.status);
      if (answer.status === 200) expect(answer.decoded.toString(), path).toBe(INDEX_HTML);
    }
  });

  it('answers HEAD like GET, without a body', async () => {
    for (const path of ['/', '/assets/index-AbC123.js', '/instances']) {
      const get = await wireRequest(url, path, { 'accept-encoding': BROWSER_ENCODINGS });
      const head = await wireRequest(url, path, { 'accept-encoding': BROWSER_ENCODINGS }, 'HEAD');
      expect(head.status, path).toBe(200);
      expect(head.wire.length, path).toBe(0);
      for (const header of ['content-type', 'content-encoding', 'content-length', 'cache-control', 'etag']) {
        expect(head.headers[header], `${path} ${header}`).toBe(get.headers[header]);
      }
    }
  });

  it('leaves other methods to the API and the 404 they get today', async () => {
    const answer = await wireRequest(url, '/', {}, 'POST');
    expect(answer.status).toBe(404);
  });
});
