import { EcsError } from '../errors.js';
import type { Credentials, CredentialsProvider } from './types.js';

export function credentialsError(message: string, code = 'Credentials.NotFound'): EcsError {
  return new EcsError({ kind: 'credentials', code, message, maybeExecuted: false });
}

/** Checks a pair is complete and returns a copy holding only the known fields. */
export function validateCredentials(credentials: Credentials, source: string): Credentials {
  if (!credentials.accessKeyId || !credentials.accessKeySecret) {
    throw credentialsError(
      `${source}: an AccessKeyId and an AccessKeySecret are both required`,
      'Credentials.Incomplete',
    );
  }
  return {
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    ...(credentials.securityToken ? { securityToken: credentials.securityToken } : {}),
    ...(credentials.expiration ? { expiration: credentials.expiration } : {}),
  };
}

export function staticCredentials(credentials: Credentials): CredentialsProvider {
  const checked = validateCredentials(credentials, 'static credentials');
  return () => Promise.resolve(checked);
}
