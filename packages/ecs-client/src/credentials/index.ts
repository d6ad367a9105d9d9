export type { Credentials, CredentialsProvider, CredentialsSource } from './types.js';
export { staticCredentials } from './static.js';
export { environmentCredentials, ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN } from './environment.js';
export { cliConfigCredentials, defaultCliConfigPath, ENV_PROFILE, type CliConfigOptions } from './cli-config.js';
export {
  ECS_METADATA_ENDPOINT,
  ecsRamRoleCredentials,
  ENV_ECS_METADATA,
  ENV_ECS_METADATA_DISABLED,
  ENV_IMDSV1_DISABLED,
  type EcsRamRoleOptions,
} from './ecs-ram-role.js';
export { looksLikeEcsInstance } from './ecs-instance.js';
export { credentialsChain, defaultCredentialsProvider, type DefaultCredentialsOptions } from './chain.js';
export { memoizeCredentials, type MemoizeOptions } from './memoize.js';
