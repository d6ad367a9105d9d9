import { createHash, hash } from 'node:crypto';

/** One item (instance, disk, snapshot) of a listing as the answer carries it. */
export interface ListingEntry {
  readonly id: string;
  readonly json: string;
}

export function listingEntry(id: string, summary: object): ListingEntry {
  return { id, json: JSON.stringify(summary) };
}

/**
 * A run of items (one Describe* page when listed): their JSON joined, as bytes, and a digest of
 * those bytes, made once when the page arrives, while other pages are still on the wire.
 */
export interface Chunk {
  readonly entries: readonly ListingEntry[];
  readonly bytes: Buffer;
  readonly digest: Buffer;
}

export function chunkOf(entries: readonly ListingEntry[]): Chunk {
  const bytes = Buffer.from(entries.map((entry) => entry.json).join(','));
  // Change detection, not a security boundary: SHA-1 is the cheapest one-shot digest here.
  return { entries, bytes, digest: hash('sha1', bytes, 'buffer') };
}

const PAGE_SIZE = 100;
const COMMA = Buffer.from(',');

/**
 * A region's items of one kind as one listing saw them, and the RegionListAnswer built from them
 * once (FleetAnswer for instances): its version (a digest of the chunks' digests) and its JSON
 * bytes, shared by every request that gets this listing. A patch re-hashes and re-joins only the
 * chunks it touches, not 12 MB.
 */
export class Listing {
  readonly version: string;
  readonly etag: string;
  readonly totalCount: number;
  #body: Buffer | undefined;
  #chunkById: Map<string, number> | undefined;

  constructor(
    readonly regionId: string,
    /** The answer's list key: `instances`, `disks`, `snapshots`, `securityGroups`. */
    readonly listKey: string,
    readonly chunks: readonly Chunk[],
    /** ISO 8601: when ECS was asked. */
    readonly fetchedAt: string,
  ) {
    const digests = createHash('sha256');
    let count = 0;
    for (const chunk of chunks) {
      digests.update(chunk.digest);
      count += chunk.entries.length;
    }
    this.totalCount = count;
    this.version = digests.digest('base64url').slice(0, 27);
    this.etag = `"${this.version}"`;
  }

  /** The answer's JSON, joined on first use and then reused. */
  body(): Buffer {
    if (!this.#body) {
      const parts: Buffer[] = [
        Buffer.from(`{"regionId":${JSON.stringify(this.regionId)},${JSON.stringify(this.listKey)}:[`),
      ];
      for (const chunk of this.chunks) {
        if (chunk.entries.length === 0) continue;
        if (parts.length > 1) parts.push(COMMA);
        parts.push(chunk.bytes);
      }
      parts.push(
        Buffer.from(
          `],"totalCount":${this.totalCount},"pages":${Math.max(1, Math.ceil(this.totalCount / PAGE_SIZE))},` +
            `"fetchedAt":${JSON.stringify(this.fetchedAt)},"version":${JSON.stringify(this.version)}}`,
        ),
      );
      this.#body = Buffer.concat(parts);
    }
    return this.#body;
  }

  /**
   * This listing with what a later `?ids=` answer learnt: those items replaced (or added at the
   * end when the listing did not have them yet), the requested ones ECS no longer has removed. Itself when nothing changed, so the version and the joined body stay.
   */
  patched(learnt: readonly ListingEntry[], requestedIds: readonly string[]): Listing {
    const chunkById = this.#chunkIndex();
    const found = new Map(learnt.map((entry) => [entry.id, entry]));
    const touched = new Set<number>();
    const added: ListingEntry[] = [];
    for (const entry of learnt) {
      const at = chunkById.get(entry.id);
      if (at === undefined) added.push(entry);
      else if (this.chunks[at]!.entries.find((kept) => kept.id === entry.id)?.json !== entry.json) touched.add(at);
    }
    const vanished = new Set(requestedIds.filter((id) => !found.has(id) && chunkById.has(id)));
    for (const id of vanished) touched.add(chunkById.get(id)!);
    if (touched.size === 0 && added.length === 0) return this;

    const chunks = this.chunks.map((chunk, at) =>
      touched.has(at)
        ? chunkOf(chunk.entries.filter((entry) => !vanished.has(entry.id)).map((entry) => found.get(entry.id) ?? entry))
        : chunk,
    );
    if (added.length > 0) chunks.push(chunkOf(added));
    return new Listing(this.regionId, this.listKey, chunks, this.fetchedAt);
  }

  #chunkIndex(): Map<string, number> {
    if (!this.#chunkById) {
      const index = new Map<string, number>();
      this.chunks.forEach((chunk, at) => {
        for (const entry of chunk.entries) index.set(entry.id, at);
      });
      this.#chunkById = index;
    }
    return this.#chunkById;
  }
}
