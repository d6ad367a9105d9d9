export { startConsole, type RunningConsole } from './console.js';
export { loadConfig, ConfigError, type ConsoleConfig } from './config.js';
export { createLogger } from './logger.js';
export { CSRF_HEADER, CSRF_HEADER_VALUE } from '@ecs-console/contract';
export { SESSION_COOKIE } from './auth/session.js';
// For tools and benchmarks that fill or inspect the configured database (bench's audit data).
export { openDatabase } from './storage/open.js';
export type { Database } from './storage/database.js';
