import { EcsClient } from '@ecs-console/ecs-client';
import { startEmulator, type RunningEmulator } from '@ecs-console/ecs-emulator';
import type { FleetAnswer, InstanceSummary } from '@ecs-console/contract';
import { ADMIN_PASSWORD, signedInBrowser, startTestConsole, type Browser } from './console-harness.js';

export const FLEET_REGION = 'cn-hangzhou';
export const FLEET_PATH = `/api/regions/${FLEET_REGION}/instances`;

/**
 * A console on its own emulator with a fleet of `instances` in one region (pages of 100), the
 * console signing with the emulator's key from the environment as in production; `ecs` reaches
 * the emulator directly, as someone changing the region outside the console would.
 */
export interface FleetBed {
  readonly emulator: RunningEmulator;
  readonly app: Awaited<ReturnType<typeof startTestConsole>>;
  readonly admin: Browser;
  /** A client of its own: changes that do not go through the console. */
  readonly ecs: EcsClient;
  /** DescribeInstances requests the emulator has seen. */
  describeCalls(): number;
  /** The shared listing is dropped: a write through the console that ECS refuses invalidates the region too. */
  invalidate(): Promise<void>;
  list(): Promise<FleetAnswer>;
  close(): Promise<void>;
}

export async function startFleetBed(instances: number, env: Record<string, string> = {}): Promise<FleetBed> {
  const emulator = await startEmulator({ instances, fleetRegion: FLEET_REGION });
  process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = emulator.credentials.accessKeyId;
  process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = emulator.credentials.accessKeySecret;
  const app = await startTestConsole({ CONSOLE_EMULATOR: 'auto', ECS_ENDPOINT: emulator.url, ...env });
  const admin = await signedInBrowser(app.url, 'admin', ADMIN_PASSWORD);
  const ecs = new EcsClient({ credentials: emulator.credentials, endpoint: emulator.url, regionId: FLEET_REGION });
  return {
    emulator,
    app,
    admin,
    ecs,
    describeCalls: () => emulator.control.status().requestsByAction.DescribeInstances ?? 0,
    async invalidate() {
      const refused = await admin.post('/api/ecs/StopInstance', {
        RegionId: FLEET_REGION,
        InstanceId: 'i-nosuchinstance0',
      });
      if (refused.status < 400) throw new Error(`expected ECS to refuse, got ${refused.status}`);
    },
    async list() {
      const answer = await admin.get(FLEET_PATH);
      if (answer.status !== 200) throw new Error(`listing failed: ${answer.text}`);
      return answer.body as unknown as FleetAnswer;
    },
    async close() {
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
      await app.close();
      await ecs.close();
      await emulator.close();
    },
  };
}

export function instanceIn(answer: { instances: readonly InstanceSummary[] }, id: string): InstanceSummary | undefined {
  return answer.instances.find((instance) => instance.InstanceId === id);
}

export function firstRunning(answer: FleetAnswer, skip: readonly string[] = []): InstanceSummary {
  const found = answer.instances.find(
    (instance) => instance.Status === 'Running' && !skip.includes(instance.InstanceId),
  );
  if (!found) throw new Error('no running instance left in the fleet');
  return found;
}
