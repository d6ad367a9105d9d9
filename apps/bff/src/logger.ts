import { pino, type Logger } from 'pino';
import type { EcsClientLogger } from '@ecs-console/ecs-client';

/**
 * Structured logs. Request logs carry method, path, status, user and time, never bodies; the
 * redaction list is a second line of defence for anything that would carry a secret.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.Password',
        '*.accessKeySecret',
        '*.securityToken',
        '*.VncUrl',
        '*.VncPassword',
      ],
      censor: '[REDACTED]',
    },
  });
}

/** The ECS client's log lines, at debug (successes) and warn (final failures). */
export function ecsClientLogger(logger: Logger): EcsClientLogger {
  const child = logger.child({ component: 'ecs-client' });
  return {
    debug: (entry, message) => child.debug(entry, message),
    warn: (entry, message) => child.warn(entry, message),
  };
}
