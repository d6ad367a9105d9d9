import type { Emulator } from '../emulator.js';
import type { FaultChanges, FaultCounts, FaultSettings, InjectedError } from './faults.js';

export interface EmulatorStatus {
  readonly regions: number;
  readonly instances: number;
  readonly speed: number;
  readonly emulatedTime: string;
  readonly faults: FaultSettings;
  /** Requests answered by a fault since the last reset, by kind. */
  readonly faultsAnswered: FaultCounts;
  readonly pendingInjections: number;
  /** Signed requests for known actions since the last reset, by action (answered by a fault or not). */
  readonly requestsByAction: Readonly<Record<string, number>>;
}

/**
 * Runtime control of a running emulator, for tests and demos: the same operations the HTTP control
 * API (`/__emulator/...`) offers.
 */
export class EmulatorControl {
  readonly #emulator: Emulator;

  constructor(emulator: Emulator) {
    this.#emulator = emulator;
  }

  status(): EmulatorStatus {
    const { store, clock, faults } = this.#emulator;
    let instances = 0;
    for (const region of store.regions.values()) instances += region.instances.size;
    return {
      regions: store.regions.size,
      instances,
      speed: clock.speed,
      emulatedTime: new Date(clock.now()).toISOString(),
      faults: faults.settings,
      faultsAnswered: faults.counts,
      pendingInjections: faults.pendingInjections,
      requestsByAction: faults.requestsByAction,
    };
  }

  /** The actions of the latest 1,000 signed requests, oldest first (the order ECS saw them in). */
  recentActions(): readonly string[] {
    return this.#emulator.faults.recentActions;
  }

  /**
   * Changes latency, throttle rate, error rate, the per-key rate limit or the seed of the chance
   * draws (a seed makes the throttling and error pattern the same in every run; null removes it).
   */
  setFaults(changes: FaultChanges): FaultSettings {
    return this.#emulator.faults.update(changes);
  }

  /** The next matching request(s) fail with this ECS error. */
  injectError(error: InjectedError): void {
    this.#emulator.faults.inject(error);
  }

  setSpeed(speed: number): void {
    this.#emulator.clock.setSpeed(speed);
  }

  /** Moves emulated time forward; due transitions happen on the next request. */
  advanceClock(ms: number): void {
    this.#emulator.clock.advance(ms);
  }

  /** Back to a clean start: no faults, and unless `keepState`, the initial generated estate. */
  reset(options: { keepState?: boolean } = {}): void {
    this.#emulator.faults.reset();
    if (!options.keepState) this.#emulator.resetState();
  }
}
