import { hasRole, type Role } from '@ecs-console/contract';

/** ECS's rule for VNC passwords (ModifyInstanceVncPasswd): exactly six letters or digits. */
export function isValidVncPassword(password: string): boolean {
  return /^[A-Za-z0-9]{6}$/.test(password);
}

export type ConnectAvailability =
  { readonly enabled: true } | { readonly enabled: false; readonly reason: 'role' | 'selection' | 'status' };

/**
 * Whether the user can open a VNC console: it needs the operator role (a console is as good as a
 * keyboard on the machine), exactly one instance, and that instance Running.
 */
export function connectAvailability(statuses: readonly string[], role: Role): ConnectAvailability {
  if (!hasRole(role, 'operator')) return { enabled: false, reason: 'role' };
  if (statuses.length !== 1) return { enabled: false, reason: 'selection' };
  if (statuses[0] !== 'Running') return { enabled: false, reason: 'status' };
  return { enabled: true };
}

/** `20240501-083000` in the browser's time zone, for file names. */
function timeStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}

/** `<instanceId>-<time>.png` or `.jpg`, from the image's content type. */
export function screenshotFilename(instanceId: string, contentType: string, capturedAt: Date): string {
  const extension = contentType.toLowerCase().includes('jpeg') ? 'jpg' : 'png';
  return `${instanceId}-${timeStamp(capturedAt)}.${extension}`;
}

export function consoleLogFilename(instanceId: string): string {
  return `${instanceId}-console.log`;
}

/** Automatic reconnects allowed within `RECONNECT_WINDOW_MS`; ECS allows 30 a minute per instance. */
export const MAX_RECONNECTS = 3;
export const RECONNECT_WINDOW_MS = 60_000;

/**
 * Whether the viewer may reconnect on its own after an unexpected disconnect, given when it last
 * did so. A session that keeps dropping (or a server that keeps closing it as idle) stops after a
 * few attempts instead of looping, and the user reconnects by hand.
 */
export function mayReconnect(previousAttempts: readonly number[], now: number): boolean {
  return previousAttempts.filter((time) => now - time < RECONNECT_WINDOW_MS).length < MAX_RECONNECTS;
}
