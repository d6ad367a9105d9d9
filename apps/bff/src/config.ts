import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { passwordWeakness } from './auth/password-policy.js';

/**
 * Every setting the console reads, from the environment, validated once at start-up. A bad value
 * stops the start with a message naming the variable.
 */
const DEFAULT_ECS_CONCURRENCY = 32;

const booleanText = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    CONSOLE_DATA_DIR: z.string().min(1).default('./data'),
    /** One ECS endpoint for every region: a private endpoint, or an emulator from `pnpm emulator`. */
    ECS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    /** `auto` (default): the embedded emulator when no cloud credentials are found. */
    CONSOLE_EMULATOR: z.enum(['auto', 'always', 'never']).default('auto'),
    /** Region the UI opens on. */
    CONSOLE_DEFAULT_REGION: z
      .string()
      .regex(/^[a-z]{2,}(-[a-z0-9]+)+$/)
      .default('cn-hangzhou'),
    /** The first admin's password (only read when no user exists yet). */
    CONSOLE_ADMIN_PASSWORD: z
      .string()
      .superRefine((password, context) => {
        const weakness = passwordWeakness(password, ['admin']);
        if (weakness) context.addIssue({ code: 'custom', message: weakness });
      })
      .optional(),
    /** 32+ characters, shared by every replica; default: a key generated into the data directory. */
    CONSOLE_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    CONSOLE_SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    CONSOLE_SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** Set when the console is served over HTTPS (directly or behind a TLS proxy): cookies become Secure. */
    CONSOLE_SECURE_COOKIES: booleanText.default(false),
    /** The URL users open (e.g. `https://ecs-console.example.com`); https means the console is served over HTTPS. */
    CONSOLE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Express `trust proxy` (hops), so client IPs and HTTPS are read from a reverse proxy's headers. */
    CONSOLE_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * Most attempts per ECS call, the first included. A whole region is up to 100 calls, so at 30 %
     * throttling 4 attempts would lose about half the lists; the retry budget below keeps 10 from
     * multiplying the load when ECS throttles everything.
     */
    CONSOLE_ECS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(10),
    /**
     * Retry tokens shared by every ECS call (AWS SDK v3's retry quota): a retry takes 5 (10 after a
     * timeout), a success gives 1 back. Under sustained throttling ECS sees at most one extra request
     * per 5 tokens, however many calls fail. 0 disables retries.
     */
    CONSOLE_ECS_RETRY_BUDGET: z.coerce.number().int().min(0).max(100_000).default(500),
    /** Pages fetched at once when listing a whole region. */
    CONSOLE_FLEET_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(16),
    /**
     * Seconds a region's listing is shared with later requests (the console's own writes on the
     * region end it sooner); concurrent requests share one listing either way. 0: no cache.
     */
    CONSOLE_FLEET_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(3),
    /**
     * Most ECS calls in flight per BFF process, shared fairly (round robin) between users and
     * region listings. Default: 32, or CONSOLE_FLEET_CONCURRENCY when that is more.
     */
    CONSOLE_ECS_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
    /** Port of the embedded emulator (its ECS API and `/__emulator/` controls, loopback only); 0 = any free port. */
    CONSOLE_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    /** A fixed key pair for the embedded emulator (default: generated at each start). */
    CONSOLE_EMULATOR_ACCESS_KEY_ID: z.string().min(6).max(64).optional(),
    CONSOLE_EMULATOR_ACCESS_KEY_SECRET: z.string().min(16).max(128).optional(),
    /** Emulated seconds per real second for the embedded emulator. */
    CONSOLE_EMULATOR_SPEED: z.coerce.number().positive().max(10_000).default(1),
    /** Version of Alibaba Cloud's web VNC page (`https://g.alicdn.com/aliyun/ecs-console-vnc2/<version>/index.html`). */
    CONSOLE_VNC_PAGE_VERSION: z
      .string()
      .regex(/^\d+(\.\d+)*$/, 'must be digits and dots, like 0.0.8')
      .default('0.0.8'),
    /**
     * A PostgreSQL server (`postgres://user:password@host:5432/db`) shared by every replica. Unset:
     * PGlite (embedded PostgreSQL) in CONSOLE_DATA_DIR, for one process.
     */
    CONSOLE_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** Connections each replica keeps to the server. */
    CONSOLE_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** TLS to the server: `disable`, `require` (encrypted), `verify-full` (certificate checked). Unset: as the URL's sslmode says. */
    CONSOLE_DATABASE_SSL: z.enum(['disable', 'require', 'verify-full']).optional(),
    /** CA certificate file (PEM) for `verify-full`, when the server's CA is not a system one. */
    CONSOLE_DATABASE_SSL_CA: z.string().min(1).optional(),
    /** Longest a statement may run before the server cancels it (the request then gets 503). */
    CONSOLE_DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    /** Longest to wait for a connection to the server. */
    CONSOLE_DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    /** Days the audit log keeps entries (older ones are pruned hourly); 0 keeps every entry. */
    CONSOLE_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine(
    (config) =>
      (config.CONSOLE_EMULATOR_ACCESS_KEY_ID === undefined) ===
      (config.CONSOLE_EMULATOR_ACCESS_KEY_SECRET === undefined),
    {
      message: 'set both or neither',
      path: ['CONSOLE_EMULATOR_ACCESS_KEY_SECRET'],
    },
  )
  .refine((config) => config.CONSOLE_DATABASE_SSL_CA === undefined || config.CONSOLE_DATABASE_SSL === 'verify-full', {
    message: 'is only read with CONSOLE_DATABASE_SSL=verify-full',
    path: ['CONSOLE_DATABASE_SSL_CA'],
  })
  .refine((config) => !(config.CONSOLE_SECURE_COOKIES && config.CONSOLE_PUBLIC_URL?.startsWith('http:')), {
    message: 'is http:// but CONSOLE_SECURE_COOKIES=true: browsers never send Secure cookies over HTTP',
    path: ['CONSOLE_PUBLIC_URL'],
  });

/** The environment variables the console reads (README's settings table lists each; a test checks it). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(ConfigSchema.shape);

export type ConsoleConfig = Omit<z.infer<typeof ConfigSchema>, 'CONSOLE_DATA_DIR' | 'CONSOLE_ECS_CONCURRENCY'> & {
  /** Absolute. */
  readonly CONSOLE_DATA_DIR: string;
  readonly CONSOLE_ECS_CONCURRENCY: number;
};

/** Users reach the console over HTTPS (directly or through a TLS proxy): Secure cookies, HSTS, upgrade-insecure-requests. */
export function servedOverHttps(config: ConsoleConfig): boolean {
  return config.CONSOLE_SECURE_COOKIES || (config.CONSOLE_PUBLIC_URL?.startsWith('https:') ?? false);
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const dataDir = parsed.data.CONSOLE_DATA_DIR;
  return {
    ...parsed.data,
    CONSOLE_DATA_DIR: isAbsolute(dataDir) ? dataDir : resolve(dataDir),
    CONSOLE_ECS_CONCURRENCY:
      parsed.data.CONSOLE_ECS_CONCURRENCY ?? Math.max(DEFAULT_ECS_CONCURRENCY, parsed.data.CONSOLE_FLEET_CONCURRENCY),
  };
}
