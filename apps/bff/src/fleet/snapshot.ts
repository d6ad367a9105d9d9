import { createHash, hash } from 'node:crypto';
import type { InstanceSummary } from '@ecs-console/contract';

/** One instance of a listing: its answer JSON and its digest, computed once when its page arrives. */
export interface SnapshotEntry {
  readonly id: string;
  readonly json: string;
  readonly digest: Buffer;
}

export function snapshotEntry(summary: InstanceSummary): SnapshotEntry {
  const json = JSON.stringify(summary);
  // Not a security boundary, only change detection: SHA-1 is the cheapest one-shot digest here.
  return { id: summary.InstanceId, json, digest: hash('sha1', json, 'buffer') };
}

const PAGE_SIZE = 100;

/**
 * A region's instances as one listing saw them, and the FleetAnswer built from them once: the
 * version (a digest of the instances' digests, so a patch re-hashes 20 bytes per instance, not
 * 12 MB) and the JSON bytes, shared by every request that gets this listing.
 */
export class FleetSnapshot {
  readonly version: string;
  readonly etag: string;
  #body: Buffer | undefined;
  #positions: Map<string, number> | undefined;

  constructor(
    readonly regionId: string,
    readonly entries: readonly SnapshotEntry[],
    /** ISO 8601: when ECS was asked. */
    readonly fetchedAt: string,
  ) {
    const digests = createHash('sha256');
    for (const entry of entries) digests.update(entry.digest);
    this.version = digests.digest('base64url').slice(0, 27);
    this.etag = `"${this.version}"`;
  }

  /** The FleetAnswer's JSON, serialised on first use and then reused. */
  body(): Buffer {
    if (!this.#body) {
      const head = `{"regionId":${JSON.stringify(this.regionId)},"instances":[`;
      const tail =
        `],"totalCount":${this.entries.length},"pages":${Math.max(1, Math.ceil(this.entries.length / PAGE_SIZE))},` +
        `"fetchedAt":${JSON.stringify(this.fetchedAt)},"version":${JSON.stringify(this.version)}}`;
      this.#body = Buffer.from(head + this.entries.map((entry) => entry.json).join(',') + tail);
    }
    return this.#body;
  }

  /**
   * This listing with what a later `?ids=` answer learnt: those instances replaced (or added when
   * the listing did not have them yet), the requested ones ECS no longer has removed. Itself when
   * nothing changed, so the version and the serialised body stay.
   */
  patched(learnt: readonly SnapshotEntry[], requestedIds: readonly string[]): FleetSnapshot {
    const positions = this.#positionsById();
    const found = new Map(learnt.map((entry) => [entry.id, entry]));
    const vanished = new Set(requestedIds.filter((id) => !found.has(id) && positions.has(id)));
    const changed = learnt.some((entry) => {
      const position = positions.get(entry.id);
      return position === undefined || !this.entries[position]!.digest.equals(entry.digest);
    });
    if (!changed && vanished.size === 0) return this;
    const entries: SnapshotEntry[] = [];
    for (const entry of this.entries) {
      if (vanished.has(entry.id)) continue;
      const replacement = found.get(entry.id);
      found.delete(entry.id);
      entries.push(replacement ?? entry);
    }
    entries.push(...found.values());
    return new FleetSnapshot(this.regionId, entries, this.fetchedAt);
  }

  #positionsById(): Map<string, number> {
    this.#positions ??= new Map(this.entries.map((entry, position) => [entry.id, position]));
    return this.#positions;
  }
}
