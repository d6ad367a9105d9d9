import { EcsError } from '../errors.js';
import type { CredentialsProvider } from './types.js';
import { environmentCredentials } from './environment.js';
import { cliConfigCredentials, type CliConfigOptions } from './cli-config.js';
import {
  ecsRamRoleCredentials,
  ENV_ECS_METADATA,
  ENV_ECS_METADATA_DISABLED,
  ENV_IMDSV1_DISABLED,
  type EcsRamRoleOptions,
} from './ecs-ram-role.js';
import { looksLikeEcsInstance } from './ecs-instance.js';
import { markCaching, memoizeCredentials } from './memoize.js';
import { credentialsError } from './static.js';

/**
 * Tries each provider in turn and uses the first that yields credentials; later calls go straight
 * to that provider, so one that refreshes (an ECS RAM role) keeps doing so. A provider that finds
 * nothing (`Credentials.NotFound`) passes to the next; any other failure (a half-set environment, a
 * profile in an unsupported mode, unreadable JSON) stops the chain, because silently falling through
 * would use an account the user did not mean.
 */
export function credentialsChain(...providers: CredentialsProvider[]): CredentialsProvider {
  let chosen: CredentialsProvider | undefined;
  return async () => {
    if (chosen) return chosen();
    const reasons: string[] = [];
    for (const provider of providers) {
      try {
        const credentials = await provider();
        chosen = provider;
        return credentials;
      } catch (error) {
        if (error instanceof EcsError && error.code === 'Credentials.NotFound') {
          reasons.push(error.message);
          continue;
        }
        throw error;
      }
    }
    throw credentialsError(`no Alibaba Cloud credentials found: ${reasons.join('; ')}`);
  };
}

export interface DefaultCredentialsOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cliConfig?: CliConfigOptions;
  /** Options of the ECS RAM role provider (e.g. another metadata endpoint, for tests). */
  readonly ecsRamRole?: EcsRamRoleOptions;
  /** Whether this machine is an ECS instance; default: its DMI vendor says Alibaba Cloud (`looksLikeEcsInstance`). */
  readonly onEcsInstance?: () => boolean;
}

/**
 * The environment, then the aliyun CLI config, then the RAM role of the ECS instance this runs on
 * (instance metadata; `ALIBABA_CLOUD_ECS_METADATA=<role>` names the role and makes its failures
 * errors rather than "not found", `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true` leaves it out). Without
 * a named role the metadata service is asked only on a machine that says it is an ECS instance.
 */
export function defaultCredentialsProvider(options: DefaultCredentialsOptions = {}): CredentialsProvider {
  const env = options.env ?? process.env;
  const providers = [
    memoizeCredentials(environmentCredentials(env)),
    memoizeCredentials(cliConfigCredentials({ env, ...options.cliConfig })),
  ];
  const roleName = env[ENV_ECS_METADATA] || undefined;
  const onEcsInstance = options.onEcsInstance ?? (() => looksLikeEcsInstance());
  if (env[ENV_ECS_METADATA_DISABLED]?.toLowerCase() !== 'true' && (roleName !== undefined || onEcsInstance())) {
    providers.push(
      ecsRamRoleCredentials({
        roleName,
        required: roleName !== undefined,
        disableImdsV1: env[ENV_IMDSV1_DISABLED]?.toLowerCase() === 'true',
        ...options.ecsRamRole,
      }),
    );
  }
  // Every link caches, and the chain keeps to the link that answered: it needs no cache of its own.
  return markCaching(credentialsChain(...providers));
}
