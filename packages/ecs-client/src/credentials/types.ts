/** An AccessKey pair, optionally with an STS security token and the time it stops working. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
  /** When temporary (STS) credentials expire; absent for a long-lived AccessKey. */
  readonly expiration?: Date | undefined;
}

/**
 * Resolves credentials on demand. Providers from this package cache what they resolve and fetch
 * afresh shortly before `expiration`, so callers ask for credentials on every request.
 */
export type CredentialsProvider = () => Promise<Credentials>;

export type CredentialsSource = Credentials | CredentialsProvider;
