const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;
const HAS_RESERVED = /[!'()*]/;
const RESERVED = /[!'()*]/g;

/**
 * RFC 3986 percent-encoding as both ECS signature versions define it: unreserved characters
 * (`A-Z a-z 0-9 - _ . ~`) stay literal, everything else becomes `%XY` in upper-case hex, so a space
 * is `%20` (never `+`) and `*` is `%2A`. `encodeURIComponent` already does this except for `!'()*`.
 */
export function percentEncode(value: string): string {
  // Most names and values (IDs, region IDs, numbers) need no encoding at all: checking is cheaper.
  if (UNRESERVED_ONLY.test(value)) return value;
  const encoded = encodeURIComponent(value);
  return HAS_RESERVED.test(encoded) ? encoded.replace(RESERVED, escapeReserved) : encoded;
}

function escapeReserved(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * `name=value` pairs, percent-encoded, sorted by name and joined with `&`: the canonical query string
 * of both signature versions and the wire form of the request.
 */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  const names = Object.keys(params).sort();
  let query = '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    query += `${i === 0 ? '' : '&'}${percentEncode(name)}=${percentEncode(params[name] ?? '')}`;
  }
  return query;
}
