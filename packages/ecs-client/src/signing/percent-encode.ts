/**
 * RFC 3986 percent-encoding as both ECS signature versions define it: unreserved characters
 * (`A-Z a-z 0-9 - _ . ~`) stay literal, everything else becomes `%XY` in upper-case hex, so a space
 * is `%20` (never `+`) and `*` is `%2A`. `encodeURIComponent` already does this except for `!'()*`.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, escapeReserved);
}

function escapeReserved(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * `name=value` pairs, percent-encoded, sorted by name and joined with `&`: the canonical query string
 * of both signature versions and the wire form of the request.
 */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}
