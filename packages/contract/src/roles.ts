/**
 * Staff roles, each allowed what the one before it is, and more:
 * - viewer: read everything, screenshots and console output;
 * - operator: also start, stop, reboot, VNC and snapshots;
 * - admin: everything, including deletes, security-group rules and user management.
 */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}
