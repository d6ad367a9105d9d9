import {
  defaultCredentialsProvider,
  isEcsError,
  type EcsClient,
  type CredentialsProvider,
  type EcsClientLogger,
} from '@ecs-console/ecs-client';
// Types only: the emulator's code is loaded (below) only when the embedded emulator is used.
import type { RunningEmulator } from '@ecs-console/ecs-emulator';
import { join } from 'node:path';
import type { ConsoleConfig } from '../config.js';
import { FairEcsClient } from './fair-client.js';

/**
 * Where ECS calls go:
 * - `cloud`: Alibaba Cloud, with credentials from the client's chain (environment, aliyun CLI, the
 *   RAM role of the ECS instance the console runs on), which the client refreshes as they expire;
 * - `endpoint`: one endpoint for every region (`ECS_ENDPOINT`: a private endpoint or `pnpm emulator`);
 * - `emulator`: an emulator embedded in this process, when there are no credentials.
 */
export interface EcsBackend {
  readonly kind: 'cloud' | 'endpoint' | 'emulator';
  readonly client: EcsClient;
  /** The embedded emulator, when there is one (tests inject faults through it). */
  readonly emulator?: RunningEmulator;
  close(): Promise<void>;
}

/**
 * The default credentials chain, if it finds credentials. The provider itself is what the client
 * gets, not what it resolved, so STS credentials (an ECS RAM role) are refreshed before they expire.
 */
async function findCredentials(logger: EcsClientLogger): Promise<CredentialsProvider | undefined> {
  const provider = defaultCredentialsProvider();
  try {
    await provider();
    return provider;
  } catch (error) {
    if (!isEcsError(error) || error.code !== 'Credentials.NotFound') {
      logger.warn(
        {
          code: isEcsError(error) ? error.code : undefined,
          reason: error instanceof Error ? error.message : 'unknown',
        },
        'ecs credentials unusable',
      );
    }
    return undefined;
  }
}

export async function openEcsBackend(config: ConsoleConfig, logger: EcsClientLogger): Promise<EcsBackend> {
  const retry = { maxAttempts: config.CONSOLE_ECS_MAX_ATTEMPTS };
  const retryQuota = config.CONSOLE_ECS_RETRY_BUDGET;
  const concurrency = config.CONSOLE_ECS_CONCURRENCY;
  const credentials = config.CONSOLE_EMULATOR === 'always' ? undefined : await findCredentials(logger);
  if (credentials) {
    const client = new FairEcsClient({
      credentials,
      endpoint: config.ECS_ENDPOINT,
      regionId: config.CONSOLE_DEFAULT_REGION,
      retry,
      retryQuota,
      concurrency,
      logger,
    });
    return { kind: config.ECS_ENDPOINT ? 'endpoint' : 'cloud', client, close: () => client.close() };
  }
  if (config.ECS_ENDPOINT && config.CONSOLE_EMULATOR !== 'always') {
    throw new Error(
      'ECS_ENDPOINT is set but no credentials were found: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    );
  }
  if (config.CONSOLE_EMULATOR === 'never') {
    throw new Error(
      'no Alibaba Cloud credentials found (ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET, ~/.aliyun/config.json or an ECS instance RAM role) and CONSOLE_EMULATOR=never',
    );
  }
  const fixedKey =
    config.CONSOLE_EMULATOR_ACCESS_KEY_ID && config.CONSOLE_EMULATOR_ACCESS_KEY_SECRET
      ? [
          {
            accessKeyId: config.CONSOLE_EMULATOR_ACCESS_KEY_ID,
            accessKeySecret: config.CONSOLE_EMULATOR_ACCESS_KEY_SECRET,
          },
        ]
      : undefined;
  // Loaded here, not at the top, so that a console calling Alibaba Cloud never loads the emulator.
  const { startEmulator } = await import('@ecs-console/ecs-emulator');
  const emulator = await startEmulator({
    keys: fixedKey,
    port: config.CONSOLE_EMULATOR_PORT,
    speed: config.CONSOLE_EMULATOR_SPEED,
    stateFile: join(config.CONSOLE_DATA_DIR, 'emulator-state.json'),
  });
  const client = new FairEcsClient({
    credentials: emulator.credentials,
    endpoint: emulator.url,
    regionId: config.CONSOLE_DEFAULT_REGION,
    retry,
    retryQuota,
    concurrency,
    logger,
  });
  return {
    kind: 'emulator',
    client,
    emulator,
    async close() {
      await client.close();
      await emulator.close();
    },
  };
}
