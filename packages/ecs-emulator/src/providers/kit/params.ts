import { apiError, invalidParameter, missingParameter } from '../../protocol/errors.js';

interface StringRule {
  /** Documented error code for a malformed value (default `InvalidParameter`). */
  readonly code?: string;
  readonly status?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: RegExp;
}

/**
 * Typed, validating access to a request's wire parameters (all strings). Every reader throws the
 * ECS error a real endpoint would: MissingParameter naming the parameter, or the documented code
 * for a malformed value.
 */
export class RequestParams {
  readonly #raw: Readonly<Record<string, string>>;

  constructor(raw: Readonly<Record<string, string>>) {
    this.#raw = raw;
  }

  get raw(): Readonly<Record<string, string>> {
    return this.#raw;
  }

  has(name: string): boolean {
    return this.#raw[name] !== undefined && this.#raw[name] !== '';
  }

  string(name: string, rule: StringRule = {}): string | undefined {
    const value = this.#raw[name];
    if (value === undefined || value === '') return undefined;
    const bad = (detail: string) => invalidParameter(name, detail, rule.code ?? 'InvalidParameter', rule.status ?? 400);
    if (rule.minLength !== undefined && [...value].length < rule.minLength)
      throw bad(`shorter than ${rule.minLength} characters`);
    if (rule.maxLength !== undefined && [...value].length > rule.maxLength)
      throw bad(`longer than ${rule.maxLength} characters`);
    if (rule.pattern && !rule.pattern.test(value)) throw bad('malformed');
    return value;
  }

  requiredString(name: string, rule: StringRule = {}): string {
    const value = this.string(name, rule);
    if (value === undefined) throw missingParameter(name);
    return value;
  }

  integer(name: string, rule: { min?: number; max?: number; code?: string; status?: number } = {}): number | undefined {
    const value = this.#raw[name];
    if (value === undefined || value === '') return undefined;
    const parsed = Number(value);
    const bad = (detail: string) => invalidParameter(name, detail, rule.code ?? 'InvalidParameter', rule.status ?? 400);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(parsed)) throw bad('not an integer');
    if (rule.min !== undefined && parsed < rule.min) throw bad(`less than ${rule.min}`);
    if (rule.max !== undefined && parsed > rule.max) throw bad(`greater than ${rule.max}`);
    return parsed;
  }

  /** `true` / `false` in any case, as clients send them. */
  boolean(name: string): boolean | undefined {
    const value = this.#raw[name];
    if (value === undefined || value === '') return undefined;
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw invalidParameter(name, 'must be true or false');
  }

  /**
   * One of `values`; case-insensitive matching returns the canonical spelling. A bad value is the
   * documented `code` (e.g. `InvalidStatus.NotFound`, 404) when given.
   */
  oneOf<T extends string>(
    name: string,
    values: readonly T[],
    rule: { code?: string; status?: number; caseInsensitive?: boolean } = {},
  ): T | undefined {
    const value = this.#raw[name];
    if (value === undefined || value === '') return undefined;
    const match = rule.caseInsensitive
      ? values.find((candidate) => candidate.toLowerCase() === value.toLowerCase())
      : values.find((candidate) => candidate === value);
    if (match === undefined) {
      throw apiError(
        rule.status ?? 400,
        rule.code ?? 'InvalidParameter',
        `The specified parameter "${name}" (${value}) is not one of ${values.join(', ')}.`,
      );
    }
    return match;
  }

  /** A list sent as one JSON-array string (`InstanceIds='["i-1","i-2"]'`). */
  jsonArray(name: string, rule: { max?: number; code?: string; status?: number } = {}): string[] | undefined {
    const value = this.#raw[name];
    if (value === undefined || value === '') return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw invalidParameter(name, 'not a JSON array', rule.code ?? 'InvalidParameter', rule.status ?? 400);
    }
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
      throw invalidParameter(name, 'not a JSON array of strings', rule.code ?? 'InvalidParameter', rule.status ?? 400);
    }
    if (rule.max !== undefined && parsed.length > rule.max) {
      throw invalidParameter(name, `more than ${rule.max} items`, rule.code ?? 'InvalidParameter', rule.status ?? 400);
    }
    return parsed;
  }

  /** `Name.1`, `Name.2`, ... in index order (gaps allowed, as clients may send them). */
  repeatList(name: string, rule: { max?: number; code?: string } = {}): string[] {
    const entries: [number, string][] = [];
    const prefix = `${name}.`;
    for (const [key, value] of Object.entries(this.#raw)) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      if (!/^\d+$/.test(rest)) continue;
      entries.push([Number(rest), value]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    if (rule.max !== undefined && entries.length > rule.max) {
      throw invalidParameter(name, `more than ${rule.max} items`, rule.code ?? 'InvalidParameter');
    }
    return entries.map(([, value]) => value);
  }

  /**
   * `Name.N.Field` groups in index order, each as a record of its fields; nested lists
   * (`TagFilter.1.TagValues.1`) appear as `TagValues.1` keys in the group.
   */
  objectList(name: string, rule: { max?: number; code?: string } = {}): Record<string, string>[] {
    const groups = new Map<number, Record<string, string>>();
    const prefix = `${name}.`;
    for (const [key, value] of Object.entries(this.#raw)) {
      if (!key.startsWith(prefix)) continue;
      const match = /^(\d+)\.(.+)$/.exec(key.slice(prefix.length));
      if (!match) continue;
      const index = Number(match[1]);
      const group = groups.get(index) ?? {};
      group[match[2]!] = value;
      groups.set(index, group);
    }
    if (rule.max !== undefined && groups.size > rule.max) {
      throw invalidParameter(name, `more than ${rule.max} items`, rule.code ?? 'InvalidParameter');
    }
    return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group);
  }

  /** `Tag.N.Key` / `Tag.N.Value`, N up to 20, as used by filters and create calls. */
  tags(name = 'Tag'): { Key: string; Value: string | undefined }[] {
    const groups = this.objectList(name);
    if (groups.length > 20)
      throw apiError(400, 'InvalidTagCount', 'The specified tags are beyond the permitted range (20).');
    return groups.map((group) => {
      if (group.Key === undefined || group.Key === '') {
        if (group.Value !== undefined)
          throw apiError(400, 'InvalidTag.Mismatch', 'The specified Tag.n.Key and Tag.n.Value are not match.');
      }
      return { Key: group.Key ?? '', Value: group.Value };
    });
  }
}
