export type { Credentials, CredentialsProvider, CredentialsSource } from './types.js';
export { staticCredentials } from './static.js';
export { environmentCredentials, ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN } from './environment.js';
export { cliConfigCredentials, defaultCliConfigPath, ENV_PROFILE, type CliConfigOptions } from './cli-config.js';
export { credentialsChain, defaultCredentialsProvider, memoizeCredentials } from './chain.js';
