/**
 * Response parts serialised ahead of time. A provider may hand the serializer an object that
 * carries its own UTF-8 JSON (DescribeInstances' cached instances): JSON answers then copy those
 * bytes instead of stringifying and encoding the object again, which is most of the cost of a
 * large page. XML answers, and callers that read the body in-process, see the plain object.
 */

const JSON_BYTES = Symbol('json bytes');

type WithJson = Readonly<Record<string, unknown>> & { readonly [JSON_BYTES]?: Buffer };

/** `value`, frozen, carrying its JSON as UTF-8 bytes (a non-enumerable symbol: invisible to JSON and tests). */
export function withJsonBytes<T extends Record<string, unknown>>(value: T): Readonly<T> {
  Object.defineProperty(value, JSON_BYTES, { value: Buffer.from(JSON.stringify(value), 'utf8') });
  return Object.freeze(value);
}

function jsonBytesOf(value: object): Buffer | undefined {
  return (value as WithJson)[JSON_BYTES];
}

/**
 * JSON of `value` as UTF-8 bytes, the same as `Buffer.from(JSON.stringify(value))`, but with the
 * bytes of pre-serialised objects copied in. Only plain objects and arrays that hold
 * pre-serialised items are walked here; everything else is left to JSON.stringify.
 */
export function jsonBytes(value: unknown): Buffer {
  const chunks: (string | Buffer)[] = [];
  write(value, chunks);
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)));
}

function write(value: unknown, chunks: (string | Buffer)[]): void {
  if (value === null || typeof value !== 'object') {
    chunks.push(JSON.stringify(value) ?? 'null');
    return;
  }
  const bytes = jsonBytesOf(value);
  if (bytes) {
    chunks.push(bytes);
    return;
  }
  if (Array.isArray(value)) {
    if (!value.some((item) => item !== null && typeof item === 'object' && jsonBytesOf(item as object))) {
      chunks.push(JSON.stringify(value));
      return;
    }
    chunks.push('[');
    value.forEach((item: unknown, index) => {
      if (index > 0) chunks.push(',');
      // As JSON.stringify: what has no JSON form becomes null in an array.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') chunks.push('null');
      else write(item, chunks);
    });
    chunks.push(']');
    return;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if ((prototype !== Object.prototype && prototype !== null) || 'toJSON' in value) {
    chunks.push(JSON.stringify(value));
    return;
  }
  chunks.push('{');
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // As JSON.stringify: such properties are left out of an object.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    chunks.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    write(item, chunks);
  }
  chunks.push('}');
}
