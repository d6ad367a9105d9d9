import type { ConsoleWarning, ConsoleWarningCode } from '@ecs-console/contract';

/**
 * Warnings the BFF adds to a successful answer (`x-console-warning`, e.g. ECS applied a change but
 * its audit entry could not be stored). The API client reports them here, outside React; the app
 * shell listens and shows each one as a notification.
 */
type Listener = (warning: ConsoleWarning) => void;

const listeners = new Set<Listener>();

/** Returns the function that stops listening. */
export function onConsoleWarning(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportConsoleWarning(warning: ConsoleWarning): void {
  for (const listener of listeners) listener(warning);
}

function isConsoleWarning(value: unknown): value is ConsoleWarning {
  if (typeof value !== 'object' || value === null) return false;
  const warning = value as Record<string, unknown>;
  return typeof warning.code === 'string' && typeof warning.message === 'string';
}

/**
 * The warning of an answer: the body's `consoleWarning` when it has one, else just the header's code
 * (e.g. on a 204, which has no body) with an empty message the notification replaces with its own words.
 */
export function warningOf(headerCode: string, answer: unknown): ConsoleWarning {
  const fromBody =
    typeof answer === 'object' && answer !== null ? (answer as { consoleWarning?: unknown }).consoleWarning : undefined;
  if (isConsoleWarning(fromBody)) return fromBody;
  return { code: headerCode as ConsoleWarningCode, message: '' };
}
