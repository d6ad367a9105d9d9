import { EcsError } from '../errors.js';
import type { Credentials, CredentialsProvider } from './types.js';
import { environmentCredentials } from './environment.js';
import { cliConfigCredentials, type CliConfigOptions } from './cli-config.js';
import { credentialsError } from './static.js';

/**
 * Tries each provider in turn and uses the first that yields credentials. A provider that finds
 * nothing (`Credentials.NotFound`) passes to the next; any other failure (a half-set environment, a
 * profile in an unsupported mode, unreadable JSON) stops the chain, because silently falling through
 * would use an account the user did not mean.
 */
export function credentialsChain(...providers: CredentialsProvider[]): CredentialsProvider {
  return async () => {
    const reasons: string[] = [];
    for (const provider of providers) {
      try {
        return await provider();
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

/** Remembers the first successful result (failures are retried on the next call). */
export function memoizeCredentials(provider: CredentialsProvider): CredentialsProvider {
  let pending: Promise<Credentials> | undefined;
  return () => {
    pending ??= provider().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** Environment variables first, then the aliyun CLI config file. */
export function defaultCredentialsProvider(
  options: { env?: NodeJS.ProcessEnv; cliConfig?: CliConfigOptions } = {},
): CredentialsProvider {
  const env = options.env ?? process.env;
  return memoizeCredentials(
    credentialsChain(environmentCredentials(env), cliConfigCredentials({ env, ...options.cliConfig })),
  );
}
