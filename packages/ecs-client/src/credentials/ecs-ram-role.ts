import { Agent, request } from 'undici';
import { credentialsError } from './static.js';
import { memoizeCredentials, type MemoizeOptions } from './memoize.js';
import type { Credentials, CredentialsProvider } from './types.js';

/** Names the RAM role to use (and so selects this provider); the official SDKs read it too. */
export const ENV_ECS_METADATA = 'ALIBABA_CLOUD_ECS_METADATA';
/** `true` keeps the default chain away from the metadata service. */
export const ENV_ECS_METADATA_DISABLED = 'ALIBABA_CLOUD_ECS_METADATA_DISABLED';
/** `true` refuses the token-less (IMDSv1) fallback. */
export const ENV_IMDSV1_DISABLED = 'ALIBABA_CLOUD_IMDSV1_DISABLED';

export const ECS_METADATA_ENDPOINT = 'http://100.100.100.200';
const TOKEN_PATH = '/latest/api/token';
const ROLES_PATH = '/latest/meta-data/ram/security-credentials/';
const TOKEN_TTL_HEADER = 'x-aliyun-ecs-metadata-token-ttl-seconds';
const TOKEN_HEADER = 'x-aliyun-ecs-metadata-token';

export interface EcsRamRoleOptions extends MemoizeOptions {
  /** The instance's RAM role; default: the one the metadata service lists. */
  readonly roleName?: string | undefined;
  /** Default `http://100.100.100.200`. */
  readonly endpoint?: string;
  /** Short, so that a chain off ECS moves on quickly. Default 1 s. */
  readonly connectTimeoutMs?: number;
  /** Each metadata request, connection included. Default 3 s. */
  readonly timeoutMs?: number;
  /** Lifetime asked for the metadata session token. Default 6 hours. */
  readonly tokenTtlSeconds?: number;
  /** Fail rather than fall back to token-less requests when the token is refused. Default false. */
  readonly disableImdsV1?: boolean;
  /**
   * When false (inside the default chain without `ALIBABA_CLOUD_ECS_METADATA`), an unreachable
   * metadata service or an instance without a role is `Credentials.NotFound`, so the chain moves
   * on. Default true.
   */
  readonly required?: boolean;
}

interface MetadataAnswer {
  readonly statusCode: number;
  readonly body: string;
}

/**
 * Temporary credentials of the RAM role attached to the ECS instance this runs on, from the
 * instance metadata service: a session token (`PUT /latest/api/token`), the role name (unless
 * given), then `GET /latest/meta-data/ram/security-credentials/<role>`. They are cached and fetched
 * afresh a few minutes before they expire. Errors name what failed, never a secret or a token.
 */
export function ecsRamRoleCredentials(options: EcsRamRoleOptions = {}): CredentialsProvider {
  const endpoint = (options.endpoint ?? ECS_METADATA_ENDPOINT).replace(/\/+$/, '');
  const connectTimeoutMs = options.connectTimeoutMs ?? 1_000;
  const timeoutMs = options.timeoutMs ?? 3_000;
  const required = options.required ?? true;
  const agent = new Agent({ connect: { timeout: connectTimeoutMs }, keepAliveTimeout: 1_000, connections: 2 });
  let roleName = options.roleName;

  const notFoundUnlessRequired = (message: string) =>
    credentialsError(`ECS RAM role: ${message}`, required ? 'Credentials.EcsRamRole' : 'Credentials.NotFound');
  const failure = (message: string) => credentialsError(`ECS RAM role: ${message}`, 'Credentials.EcsRamRole');

  const send = async (
    method: 'GET' | 'PUT',
    path: string,
    headers: Record<string, string>,
  ): Promise<MetadataAnswer> => {
    try {
      const response = await request(`${endpoint}${path}`, {
        method,
        headers,
        dispatcher: agent,
        signal: AbortSignal.timeout(timeoutMs),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      return { statusCode: response.statusCode, body: await response.body.text() };
    } catch (error) {
      throw notFoundUnlessRequired(
        `the instance metadata service at ${endpoint} could not be reached (${describeFailure(error, timeoutMs)}); is this an ECS instance?`,
      );
    }
  };

  /** A session token, or undefined to go on without one (IMDSv1) when that is allowed. */
  const sessionToken = async (): Promise<string | undefined> => {
    const answer = await send('PUT', TOKEN_PATH, { [TOKEN_TTL_HEADER]: String(options.tokenTtlSeconds ?? 21_600) });
    if (answer.statusCode === 200 && answer.body.trim() !== '') return answer.body.trim();
    if (options.disableImdsV1) {
      throw failure(`the metadata service gave no session token (HTTP ${answer.statusCode}) and IMDSv1 is disabled`);
    }
    return undefined;
  };

  const discoverRole = async (headers: Record<string, string>): Promise<string> => {
    const answer = await send('GET', ROLES_PATH, headers);
    const name = answer.statusCode === 200 ? answer.body.split('\n')[0]!.trim() : '';
    if (answer.statusCode === 404 || (answer.statusCode === 200 && name === '')) {
      throw notFoundUnlessRequired('no RAM role is attached to this instance');
    }
    if (answer.statusCode !== 200) throw failure(`listing the instance's RAM role failed (HTTP ${answer.statusCode})`);
    return name;
  };

  const fetchCredentials = async (): Promise<Credentials> => {
    const token = await sessionToken();
    const headers: Record<string, string> = token === undefined ? {} : { [TOKEN_HEADER]: token };
    roleName ??= await discoverRole(headers);
    const role = roleName;
    const answer = await send('GET', `${ROLES_PATH}${encodeURIComponent(role)}`, headers);
    if (answer.statusCode === 404) {
      // A role that was discovered may have been replaced on the instance: look again next time.
      if (options.roleName === undefined) roleName = undefined;
      throw failure(
        `the metadata service has no credentials for role "${role}" (HTTP 404); is it attached to this instance?`,
      );
    }
    if (answer.statusCode !== 200) throw failure(`fetching role "${role}" failed (HTTP ${answer.statusCode})`);
    return parseRoleCredentials(answer.body, role, failure);
  };

  return memoizeCredentials(fetchCredentials, options);
}

interface RoleCredentialsBody {
  Code?: unknown;
  AccessKeyId?: unknown;
  AccessKeySecret?: unknown;
  SecurityToken?: unknown;
  Expiration?: unknown;
}

/** Reads the metadata service's answer; messages quote no field values but the Code. */
function parseRoleCredentials(body: string, role: string, failure: (message: string) => Error): Credentials {
  let parsed: RoleCredentialsBody;
  try {
    parsed = JSON.parse(body) as RoleCredentialsBody;
  } catch {
    throw failure(`the answer for role "${role}" is not JSON`);
  }
  if (parsed === null || typeof parsed !== 'object') throw failure(`the answer for role "${role}" is not an object`);
  if (parsed.Code !== 'Success') {
    const code = typeof parsed.Code === 'string' && /^[\w.-]{1,64}$/.test(parsed.Code) ? parsed.Code : 'missing';
    throw failure(`the metadata service answered Code ${code} for role "${role}", not Success`);
  }
  const fields = ['AccessKeyId', 'AccessKeySecret', 'SecurityToken', 'Expiration'] as const;
  const missing = fields.filter((field) => typeof parsed[field] !== 'string' || parsed[field] === '');
  if (missing.length > 0) throw failure(`the answer for role "${role}" lacks ${missing.join(', ')}`);
  const expiration = new Date(parsed.Expiration as string);
  if (Number.isNaN(expiration.getTime())) throw failure(`the answer for role "${role}" has an unreadable Expiration`);
  return {
    accessKeyId: parsed.AccessKeyId as string,
    accessKeySecret: parsed.AccessKeySecret as string,
    securityToken: parsed.SecurityToken as string,
    expiration,
  };
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code;
  const inner = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof inner === 'string') return inner;
  if (typeof code === 'string') return code === 'UND_ERR_CONNECT_TIMEOUT' ? 'connection timed out' : code;
  return 'connection failed';
}
