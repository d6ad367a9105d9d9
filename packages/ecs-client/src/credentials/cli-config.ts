import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CredentialsProvider } from './types.js';
import { credentialsError, validateCredentials } from './static.js';

/** Selects the CLI profile, as the aliyun CLI and the official SDKs do. */
export const ENV_PROFILE = 'ALIBABA_CLOUD_PROFILE';

export interface CliConfigOptions {
  /** Defaults to `~/.aliyun/config.json`. */
  readonly path?: string;
  /** Defaults to `$ALIBABA_CLOUD_PROFILE`, then the file's `current` profile, then `default`. */
  readonly profile?: string;
  readonly env?: NodeJS.ProcessEnv;
}

interface CliProfile {
  name?: unknown;
  mode?: unknown;
  access_key_id?: unknown;
  access_key_secret?: unknown;
  sts_token?: unknown;
  region_id?: unknown;
}

interface CliConfigFile {
  current?: unknown;
  profiles?: unknown;
}

export function defaultCliConfigPath(): string {
  return join(homedir(), '.aliyun', 'config.json');
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Reads an AccessKey from the aliyun CLI's config file. Modes `AK` and `StsToken` are supported;
 * any other mode (RamRoleArn, EcsRamRole, External, ...) is a clear error rather than a silent skip,
 * because the user asked for that profile.
 */
export function cliConfigCredentials(options: CliConfigOptions = {}): CredentialsProvider {
  return async () => {
    const path = options.path ?? defaultCliConfigPath();
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw credentialsError(`aliyun CLI config: cannot read ${path} (${code ?? 'error'})`);
    }
    let config: CliConfigFile;
    try {
      config = JSON.parse(text) as CliConfigFile;
    } catch {
      throw credentialsError(`aliyun CLI config: ${path} is not valid JSON`, 'Credentials.Invalid');
    }
    const profiles = Array.isArray(config.profiles) ? (config.profiles as CliProfile[]) : [];
    const env = options.env ?? process.env;
    const wanted = options.profile ?? asString(env[ENV_PROFILE]) ?? asString(config.current) ?? 'default';
    const profile = profiles.find((candidate) => candidate.name === wanted);
    if (!profile) {
      throw credentialsError(`aliyun CLI config: no profile named "${wanted}" in ${path}`);
    }
    const mode = asString(profile.mode) ?? 'AK';
    if (mode !== 'AK' && mode !== 'StsToken') {
      throw credentialsError(
        `aliyun CLI config: profile "${wanted}" uses mode ${mode}; only AK and StsToken are supported`,
        'Credentials.UnsupportedMode',
      );
    }
    const securityToken = asString(profile.sts_token);
    if (mode === 'StsToken' && !securityToken) {
      throw credentialsError(
        `aliyun CLI config: profile "${wanted}" is StsToken but has no sts_token`,
        'Credentials.Incomplete',
      );
    }
    return validateCredentials(
      {
        accessKeyId: asString(profile.access_key_id) ?? '',
        accessKeySecret: asString(profile.access_key_secret) ?? '',
        securityToken: mode === 'StsToken' ? securityToken : undefined,
      },
      `aliyun CLI config profile "${wanted}"`,
    );
  };
}
