import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_PREFIX, handleControlRequest } from './control/control-api.js';
import { createVncServer } from './console/vnc-server.js';
import { EmulatorControl } from './control/control.js';
import type { FaultSettings } from './control/faults.js';
import type { EstateOptions } from './data/generator.js';
import { Emulator, type RequestLogEntry } from './emulator.js';
import type { EmulatorKey } from './protocol/authenticate.js';
import { loadState, saveState } from './store/persistence.js';
import type { Store } from './store/store.js';

export interface EmulatorOptions extends EstateOptions, Partial<Omit<FaultSettings, 'seed'>> {
  /** Seed of fault injection's chance draws, so throttling and error patterns repeat (`seed` is the estate's). */
  readonly faultSeed?: number;
  /** Default 0: any free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Accepted keys; the first is returned as `credentials`. Default: one generated pair. */
  readonly keys?: readonly EmulatorKey[];
  /** Emulated seconds per real second. Default 1. */
  readonly speed?: number;
  /** Keep the state here across restarts (JSON, mode 0600). */
  readonly stateFile?: string;
  /** GetInstanceScreenshot's image format: `jpeg` (default, as ECS) or `png`. */
  readonly screenshotFormat?: 'jpeg' | 'png';
  /** DescribeInstanceVncUrl answers addresses under this ws:// or wss:// URL (e.g. `wss://hz01-vncproxy.aliyun.com`). Default: the emulator's own. */
  readonly vncPublicUrl?: string;
  readonly onRequest?: (entry: RequestLogEntry) => void;
  /** The VNC console closes a connection after this many ms without client messages. Default 300 s. */
  readonly vncIdleTimeoutMs?: number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The first accepted key pair. */
  readonly credentials: EmulatorKey;
  readonly control: EmulatorControl;
  /** The live state, for tests that need to look inside. */
  readonly store: Store;
  close(): Promise<void>;
}

/** A new AccessKey pair in Alibaba Cloud's shape (the ID is not an `LTAI...` one, so it cannot be mistaken for real). */
export function generateKeyPair(): EmulatorKey {
  return {
    accessKeyId: `EMU${randomBytes(10).toString('hex').toUpperCase()}`,
    accessKeySecret: randomBytes(22).toString('base64url'),
  };
}

/** Starts an emulator on loopback: `const ecs = await startEmulator(); ... await ecs.close()`. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const keys = options.keys && options.keys.length > 0 ? options.keys : [generateKeyPair()];
  let saveTimer: NodeJS.Timeout | undefined;
  const emulator = new Emulator({
    keys,
    seed: options.seed,
    instances: options.instances,
    disks: options.disks,
    fleetRegion: options.fleetRegion,
    speed: options.speed,
    faults: {
      latencyMs: options.latencyMs,
      throttleRate: options.throttleRate,
      errorRate: options.errorRate,
      rateLimitPerSecond: options.rateLimitPerSecond,
      seed: options.faultSeed,
    },
    onRequest: options.onRequest,
    screenshotFormat: options.screenshotFormat,
    vncPublicUrl: options.vncPublicUrl,
    onWrite: options.stateFile
      ? () => {
          // Writes come in bursts; save once the burst is over.
          clearTimeout(saveTimer);
          saveTimer = setTimeout(() => void saveState(emulator.store, options.stateFile!), 500);
          saveTimer.unref();
        }
      : undefined,
  });
  if (options.stateFile && existsSync(options.stateFile)) {
    const store = emulator.emptyStore();
    await loadState(store, options.stateFile);
    emulator.useStore(store);
  }
  const control = new EmulatorControl(emulator);
  const server = createServer((request, response) => {
    const handled = request.url?.startsWith(CONTROL_PREFIX)
      ? handleControlRequest(request, response, control)
      : emulator.handle(request, response);
    handled.catch((error: unknown) => {
      console.error('ecs-emulator: failed to answer a request', error);
      response.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  // DescribeInstanceVncUrl's ws:// URLs lead here.
  const vnc = createVncServer(() => emulator.store, { idleTimeoutMs: options.vncIdleTimeoutMs });
  server.on('upgrade', (request, socket, head) => vnc.handleUpgrade(request, socket, head));
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    credentials: keys[0]!,
    control,
    get store() {
      return emulator.store;
    },
    async close() {
      clearTimeout(saveTimer);
      vnc.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (options.stateFile) await saveState(emulator.store, options.stateFile);
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export { EmulatorControl, type EmulatorStatus } from './control/control.js';
export {
  NO_FAULTS,
  type FaultChanges,
  type FaultCounts,
  type FaultSettings,
  type InjectedError,
} from './control/faults.js';
export type { EmulatorKey } from './protocol/authenticate.js';
export type { RequestLogEntry } from './emulator.js';
export { Clock } from './clock.js';
export { Store } from './store/store.js';
export { generateEstate } from './data/generator.js';
export { REGION_CATALOG } from './data/catalog.js';
