/** What a secret parameter's value becomes in the audit log. */
export const REDACTED = '[REDACTED]';

/** A copy of the parameters with the named secret ones replaced, before anything is stored. */
export function redactParams(
  params: Record<string, unknown>,
  secrets: readonly string[] = [],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, secrets.includes(name) ? REDACTED : value]),
  );
}
