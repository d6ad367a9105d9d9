export { startConsole, type RunningConsole } from './console.js';
export { loadConfig, ConfigError, type ConsoleConfig } from './config.js';
export { createLogger } from './logger.js';
export { CSRF_HEADER, CSRF_HEADER_VALUE } from '@ecs-console/contract';
export { SESSION_COOKIE } from './auth/session.js';
