/**
 * Content Security Policy parsing and source-list matching as CSP Level 3 defines them
 * (§2.2.1 "parse a serialized CSP", §6.7.2.5–§6.7.2.12 "does url match source list"), so tests can
 * ask what a browser would: may this page connect to that URL? Covers what `connect-src` uses:
 * `*`, `'none'`, `'self'`, scheme sources and host sources with ports and paths (redirects aside).
 * No npm library does the matching (the ones there build or lint policies), hence this file.
 */

/** Directive name (lowercase) → its source expressions, as a browser parses the header. */
export type ParsedPolicy = ReadonlyMap<string, readonly string[]>;

export function parsePolicy(header: string): ParsedPolicy {
  const directives = new Map<string, readonly string[]>();
  for (const token of header.split(';')) {
    const [name, ...values] = token.trim().split(/[\t\n\f\r ]+/);
    if (!name) continue;
    const lower = name.toLowerCase();
    // A repeated directive is ignored: the first one counts.
    if (!directives.has(lower)) directives.set(lower, values);
  }
  return directives;
}

/** The source list a WebSocket or fetch from the page is checked against: connect-src, else default-src. */
export function connectSources(policy: ParsedPolicy): readonly string[] | undefined {
  return policy.get('connect-src') ?? policy.get('default-src');
}

const SCHEME_SOURCE = /^([a-z][a-z0-9+.-]*):$/i;
const HOST_SOURCE =
  /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?)(?::(\d+|\*))?(\/[^;,\s]*)?$/i;
const NETWORK_SCHEMES = new Set(['http', 'https', 'ws', 'wss']);
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443' };

/**
 * §6.7.2.9: a scheme matches itself and its secure counterpart; `ws`/`wss` also match the
 * `http`/`https` URL a WebSocket is fetched as.
 */
function schemePartMatches(expression: string, scheme: string): boolean {
  const a = expression.toLowerCase();
  return (
    a === scheme ||
    (a === 'http' && scheme === 'https') ||
    (a === 'ws' && (scheme === 'wss' || scheme === 'http' || scheme === 'https')) ||
    (a === 'wss' && scheme === 'https')
  );
}

/** §6.7.2.10: `*`, a `*.` suffix (never the bare parent), or the same host; IP literals only as 127.0.0.1. */
function hostPartMatches(pattern: string, host: string): boolean {
  const lowerHost = host.toLowerCase();
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return lowerHost.endsWith(pattern.slice(1).toLowerCase());
  if (pattern.toLowerCase() !== lowerHost) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(pattern) && pattern !== '127.0.0.1') return false;
  return true;
}

/** §6.7.2.11: no port means the scheme's default; `*` any; else the same number. */
function portPartMatches(port: string | undefined, url: URL): boolean {
  const urlPort = url.port || DEFAULT_PORTS[url.protocol.slice(0, -1)] || '';
  if (port === undefined) return urlPort === (DEFAULT_PORTS[url.protocol.slice(0, -1)] ?? '');
  return port === '*' || port === urlPort;
}

/** §6.7.2.12: a path ending in `/` is a prefix; otherwise the whole path, compared segment by segment. */
function pathPartMatches(pattern: string, path: string): boolean {
  if (pattern === '' || (pattern === '/' && path === '')) return true;
  const exact = !pattern.endsWith('/');
  const patternSegments = pattern.split('/');
  const pathSegments = path.split('/');
  if (patternSegments.length > pathSegments.length) return false;
  if (exact && patternSegments.length !== pathSegments.length) return false;
  if (!exact) patternSegments.pop();
  return patternSegments.every(
    (segment, index) => decodeURIComponent(segment) === decodeURIComponent(pathSegments[index]!),
  );
}

/** §6.7.2.8 for one expression, with the page's origin for `'self'` and scheme-less hosts. */
export function urlMatchesExpression(url: URL, expression: string, pageOrigin: URL): boolean {
  const scheme = url.protocol.slice(0, -1);
  const pageScheme = pageOrigin.protocol.slice(0, -1);
  if (expression === '*') return NETWORK_SCHEMES.has(scheme) || schemePartMatches(pageScheme, scheme);
  const schemeOnly = SCHEME_SOURCE.exec(expression);
  if (schemeOnly) return schemePartMatches(schemeOnly[1]!, scheme);
  const hostSource = HOST_SOURCE.exec(expression);
  if (hostSource) {
    const [, sourceScheme, host, port, path] = hostSource;
    if (!url.hostname) return false;
    if (sourceScheme === undefined ? !schemePartMatches(pageScheme, scheme) : !schemePartMatches(sourceScheme, scheme))
      return false;
    if (!hostPartMatches(host!, url.hostname)) return false;
    if (!portPartMatches(port, url)) return false;
    return pathPartMatches(path ?? '', url.pathname);
  }
  if (expression.toLowerCase() === "'self'") {
    if (url.origin === pageOrigin.origin) return true;
    const effectivePort = (u: URL) => u.port || DEFAULT_PORTS[u.protocol.slice(0, -1)] || '';
    const bothDefault = url.port === '' && pageOrigin.port === '';
    return (
      url.hostname === pageOrigin.hostname &&
      (effectivePort(url) === effectivePort(pageOrigin) || bothDefault) &&
      (scheme === 'https' || scheme === 'wss' || (pageScheme === 'http' && (scheme === 'http' || scheme === 'ws')))
    );
  }
  return false;
}

/** §6.7.2.5: may the page at `pageUrl` under this source list fetch or open a WebSocket to `target`? */
export function sourceListAllows(sources: readonly string[], target: string, pageUrl: string): boolean {
  const list = sources.filter((source) => source !== '');
  if (list.length === 0 || (list.length === 1 && list[0]!.toLowerCase() === "'none'")) return false;
  const url = new URL(target);
  const page = new URL(pageUrl);
  return list.some((expression) => urlMatchesExpression(url, expression, page));
}

/**
 * The URL a browser checks for `new WebSocket(target)`: the WebSockets standard fetches `ws:` as
 * `http:` and `wss:` as `https:`, and CSP matches that request's URL.
 */
export function requestUrlOf(target: string): string {
  const url = new URL(target);
  if (url.protocol === 'ws:') url.protocol = 'http:';
  else if (url.protocol === 'wss:') url.protocol = 'https:';
  return url.href;
}

/** The whole question: does the policy served with a page at `pageUrl` let it connect to `target` (a WebSocket or fetch URL)? */
export function policyAllowsConnect(header: string, target: string, pageUrl: string): boolean {
  const sources = connectSources(parsePolicy(header));
  return sources === undefined || sourceListAllows(sources, requestUrlOf(target), pageUrl);
}
