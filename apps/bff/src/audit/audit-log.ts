import { createReadStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { ROLES, type AuditEntry } from '@ecs-console/contract';
import { z } from 'zod';

export const REDACTED = '[REDACTED]';

/** What a stored line must look like to be shown; anything else is counted as skipped. */
const StoredEntry = z.looseObject({
  time: z.string(),
  user: z.string(),
  role: z.enum(ROLES).optional(),
  event: z.enum(['login', 'logout', 'action', 'user']),
  resourceIds: z.array(z.string()),
  params: z.record(z.string(), z.unknown()),
  outcome: z.enum(['success', 'failure', 'unknown']),
});

export interface RecentEntries {
  /** Newest first. */
  readonly entries: AuditEntry[];
  /** Lines that could not be read (damaged, truncated, not an entry). */
  readonly skippedLines: number;
}

/**
 * Append-only JSON Lines in the data directory: one line per login, logout, user change and ECS
 * write. Appends run one at a time so lines never interleave; a failed append fails only its own
 * caller, and the next append tries again.
 */
export class AuditLog {
  readonly #path: string;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    this.#path = path;
  }

  record(entry: Omit<AuditEntry, 'time'>): Promise<void> {
    const line = `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`;
    const append = this.#tail.then(async () => {
      await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
      await appendFile(this.#path, line, { mode: 0o600 });
    });
    // The queue goes on whatever this append's outcome: its caller gets the rejection, nobody else.
    this.#tail = append.catch(() => undefined);
    return append;
  }

  /** The newest `limit` entries, newest first, and how many lines could not be read. */
  async recent(limit: number): Promise<RecentEntries> {
    await this.#tail;
    const entries: AuditEntry[] = [];
    let skippedLines = 0;
    try {
      const lines = createInterface({ input: createReadStream(this.#path, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.trim() === '') continue;
        const entry = parseLine(line);
        if (!entry) {
          skippedLines++;
          continue;
        }
        entries.push(entry);
        if (entries.length > limit) entries.shift();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return { entries: entries.reverse(), skippedLines };
  }
}

function parseLine(line: string): AuditEntry | undefined {
  try {
    const parsed = StoredEntry.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
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
