import type { Listing, ListingEntry } from './listing.js';

export interface RegionListingsOptions {
  /** Lists a region from ECS. */
  readonly list: (regionId: string) => Promise<Listing>;
  /** How long a finished listing answers later requests; 0: only requests made while it runs share it. */
  readonly cacheMs: number;
  readonly now?: () => number;
}

interface Flight {
  readonly promise: Promise<Listing>;
  /** Cleared when something newer was learnt while it ran: its result is served to its waiters, not cached. */
  storable: boolean;
}

interface RegionState {
  /** Bumped by every invalidation: a listing that started under an older one is not stored. */
  generation: number;
  flight?: Flight | undefined;
  cached?: { listing: Listing; expiresAt: number } | undefined;
}

/**
 * One upstream listing per region for everyone: concurrent requests share the listing in flight
 * (single flight), and a finished one answers for `cacheMs`. The console's own writes on a region
 * invalidate it (`invalidate`); what `?ids=` answers learn patches it (`learn`). A failed listing
 * is not kept: every waiter gets its error, and the next request lists again.
 */
export class RegionListings {
  readonly #options: RegionListingsOptions;
  readonly #now: () => number;
  readonly #regions = new Map<string, RegionState>();

  constructor(options: RegionListingsOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get(regionId: string): Promise<Listing> {
    const state = this.#state(regionId);
    if (state.cached && state.cached.expiresAt > this.#now()) return Promise.resolve(state.cached.listing);
    state.cached = undefined;
    if (state.flight) return state.flight.promise;
    const generation = state.generation;
    const flight: Flight = {
      storable: true,
      promise: this.#options.list(regionId).then(
        (listing) => {
          if (state.flight === flight) state.flight = undefined;
          if (flight.storable && state.generation === generation && this.#options.cacheMs > 0) {
            const cached = { listing, expiresAt: this.#now() + this.#options.cacheMs };
            state.cached = cached;
            // A region nobody asks for again does not hold its 12 MB past the cache's life.
            setTimeout(() => {
              if (state.cached !== cached) return;
              state.cached = undefined;
              this.#forgetIfIdle(regionId, state);
            }, this.#options.cacheMs).unref();
          }
          return listing;
        },
        (error: unknown) => {
          if (state.flight === flight) state.flight = undefined;
          this.#forgetIfIdle(regionId, state);
          throw error;
        },
      ),
    };
    state.flight = flight;
    return flight.promise;
  }

  /**
   * The console changed something in the region (or may have): the cached listing is dropped, and
   * the one in flight, which may have read the region before the change, is neither stored nor
   * shared with later requests.
   */
  invalidate(regionId: string): void {
    const state = this.#regions.get(regionId);
    if (!state) return;
    state.generation++;
    state.cached = undefined;
    state.flight = undefined;
    this.#forgetIfIdle(regionId, state);
  }

  /** Every region (a write whose region is not known). */
  invalidateAll(): void {
    for (const regionId of [...this.#regions.keys()]) this.invalidate(regionId);
  }

  /**
   * Fresh states of some items (a `?ids=` answer): the cached listing takes them, so a full
   * refresh right after does not go back in time; a listing in flight may have read them before,
   * so it is not stored.
   */
  learn(regionId: string, learnt: readonly ListingEntry[], requestedIds: readonly string[]): void {
    const state = this.#regions.get(regionId);
    if (!state) return;
    if (state.cached) state.cached.listing = state.cached.listing.patched(learnt, requestedIds);
    if (state.flight) state.flight.storable = false;
  }

  #state(regionId: string): RegionState {
    let state = this.#regions.get(regionId);
    if (!state) {
      state = { generation: 0 };
      this.#regions.set(regionId, state);
    }
    return state;
  }

  /** Regions with nothing cached or in flight are not kept (a region ID that fails is not a leak). */
  #forgetIfIdle(regionId: string, state: RegionState): void {
    if (!state.flight && !state.cached && this.#regions.get(regionId) === state) this.#regions.delete(regionId);
  }
}
