/** An AccessKey pair, optionally with an STS security token. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

/** Resolves credentials on demand (each call may refresh them). */
export type CredentialsProvider = () => Promise<Credentials>;

export type CredentialsSource = Credentials | CredentialsProvider;
