import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { sendError } from '../errors.js';
import { chooseEncoding } from './compression.js';

/** Hashed build output: a new release gets new names, so a copy may be kept for a year unchecked. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The SPA's page names the current hashed files: browsers keep it but ask each time (ETag → 304). */
const REVALIDATE = 'no-cache';
/** Unhashed root files (favicon.svg): a short life, so a changed one shows up within the hour. */
const SHORT_LIVED = 'public, max-age=3600';

/** Precompressed siblings written by the web build (`vite.config.ts`), in server preference order. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file under `root` a URL path names, or undefined when it names none (or tries to leave root). */
async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  const path = resolve(root, `.${decoded}`);
  if (!path.startsWith(root + sep)) return undefined;
  return (await isFile(path)) ? path : undefined;
}

/**
 * Sends `file` with a precompressed sibling when the client accepts one, `Vary: Accept-Encoding`
 * either way. Express's sendFile adds an ETag and Last-Modified and answers If-None-Match /
 * If-Modified-Since with 304, HEAD without a body, and Range. The Content-Type is the original
 * file's; a sibling's own ETag (its size and time differ) keeps each encoding's validator distinct.
 */
async function sendWithEncoding(
  request: Request,
  response: Response,
  next: NextFunction,
  file: string,
  cacheControl: string,
): Promise<void> {
  const available: { encoding: string; path: string }[] = [];
  for (const variant of PRECOMPRESSED) {
    if (await isFile(file + variant.suffix))
      available.push({ encoding: variant.encoding, path: file + variant.suffix });
  }
  const encoding = chooseEncoding(
    request,
    available.map((variant) => variant.encoding),
  );
  const chosen = available.find((variant) => variant.encoding === encoding);
  response.vary('Accept-Encoding');
  response.type(extname(file));
  response.setHeader('Cache-Control', cacheControl);
  if (chosen) response.setHeader('Content-Encoding', chosen.encoding);
  // cacheControl: false keeps ours; dotfiles are refused before this point.
  response.sendFile(chosen?.path ?? file, { cacheControl: false, dotfiles: 'allow' }, (error?: Error) => {
    if (error && !response.headersSent) next(error);
  });
}

/**
 * The built SPA at `webRoot`: hashed files under /assets/ cached for a year (`immutable`), a
 * missing one a clear 404 (after a deploy a stale chunk must fail as such, not as index.html with
 * the wrong MIME type); other files briefly; every other GET or HEAD (client-side routes, `/`)
 * gets index.html, revalidated on each load. Precompressed `.br`/`.gz` siblings are served to
 * clients that accept them.
 */
export function staticWeb(webRoot: string): Router {
  const root = resolve(webRoot);
  const indexHtml = join(root, 'index.html');
  const router = express.Router();
  router.use((request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const isAsset = request.path.startsWith('/assets/');
    void (async () => {
      const file = request.path === '/' ? undefined : await fileFor(root, request.path);
      if (file && !file.endsWith('.br') && !file.endsWith('.gz')) {
        const cacheControl = isAsset ? IMMUTABLE : file === indexHtml ? REVALIDATE : SHORT_LIVED;
        await sendWithEncoding(request, response, next, file, cacheControl);
      } else if (isAsset) {
        response.setHeader('Cache-Control', 'no-store');
        sendError(
          response,
          404,
          'NotFound',
          'No such file of the console; reload the page to get the current version.',
        );
      } else {
        await sendWithEncoding(request, response, next, indexHtml, REVALIDATE);
      }
    })().catch(next);
  });
  return router;
}
