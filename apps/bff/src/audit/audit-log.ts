import { createReadStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

export interface AuditEntry {
  readonly time: string;
  readonly user: string;
  readonly role?: string | undefined;
  readonly event: 'login' | 'logout' | 'action' | 'user';
  readonly action?: string | undefined;
  readonly regionId?: string | undefined;
  readonly resourceIds: readonly string[];
  /** Parameters with secrets replaced by `[REDACTED]`. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly outcome: 'success' | 'failure';
  readonly code?: string | undefined;
  readonly requestId?: string | undefined;
  readonly sourceIp?: string | undefined;
}

export const REDACTED = '[REDACTED]';

/**
 * Append-only JSON Lines in the data directory: one line per login, logout, user change and ECS
 * write. Appends are serialised so lines never interleave.
 */
export class AuditLog {
  readonly #path: string;
  #tail: Promise<void> = Promise.resolve();

  constructor(path: string) {
    this.#path = path;
  }

  record(entry: Omit<AuditEntry, 'time'>): Promise<void> {
    const line = `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`;
    this.#tail = this.#tail.then(async () => {
      await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
      await appendFile(this.#path, line, { mode: 0o600 });
    });
    return this.#tail;
  }

  /** The newest `limit` entries, newest first. */
  async recent(limit: number): Promise<AuditEntry[]> {
    await this.#tail;
    const entries: AuditEntry[] = [];
    try {
      const lines = createInterface({ input: createReadStream(this.#path, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.trim() === '') continue;
        entries.push(JSON.parse(line) as AuditEntry);
        if (entries.length > limit) entries.shift();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return entries.reverse();
  }
}

/** A copy of the parameters with the named secret ones replaced. */
export function redactParams(
  params: Record<string, unknown>,
  secrets: readonly string[] = [],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, secrets.includes(name) ? REDACTED : value]),
  );
}
