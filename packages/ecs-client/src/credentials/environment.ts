import type { Credentials, CredentialsProvider } from './types.js';
import { credentialsError, validateCredentials } from './static.js';

/** The variable names the official SDKs and the aliyun CLI read. */
export const ENV_ACCESS_KEY_ID = 'ALIBABA_CLOUD_ACCESS_KEY_ID';
export const ENV_ACCESS_KEY_SECRET = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
export const ENV_SECURITY_TOKEN = 'ALIBABA_CLOUD_SECURITY_TOKEN';

/** Reads the AccessKey from the environment; rejects when the ID or the secret is missing. */
export function environmentCredentials(env: NodeJS.ProcessEnv = process.env): CredentialsProvider {
  return () => {
    const accessKeyId = env[ENV_ACCESS_KEY_ID];
    const accessKeySecret = env[ENV_ACCESS_KEY_SECRET];
    if (!accessKeyId && !accessKeySecret) {
      return Promise.reject(
        credentialsError(`environment: ${ENV_ACCESS_KEY_ID} and ${ENV_ACCESS_KEY_SECRET} are not set`),
      );
    }
    if (!accessKeyId || !accessKeySecret) {
      const missing = accessKeyId ? ENV_ACCESS_KEY_SECRET : ENV_ACCESS_KEY_ID;
      return Promise.reject(credentialsError(`environment: ${missing} is not set`, 'Credentials.Incomplete'));
    }
    const credentials: Credentials = { accessKeyId, accessKeySecret, securityToken: env[ENV_SECURITY_TOKEN] };
    return Promise.resolve(validateCredentials(credentials, 'environment'));
  };
}
