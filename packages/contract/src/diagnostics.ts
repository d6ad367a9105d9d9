/** `GET /api/instances/:regionId/:instanceId/console-output`. */
export interface ConsoleOutputAnswer {
  readonly instanceId: string;
  /** The serial console's recent output, decoded as UTF-8. */
  readonly text: string;
  readonly lastUpdateTime: string | null;
}

/** `POST /api/instances/:regionId/:instanceId/vnc`. */
export interface VncLaunchAnswer {
  /** The `ws://` or `wss://` URL for an embedded viewer: single use, valid 15 seconds. */
  readonly websocketUrl: string;
  /** Alibaba Cloud's own VNC page for the same session. */
  readonly consoleUrl: string;
  readonly isWindows: boolean;
  /** ISO 8601. */
  readonly expiresAt: string;
}

/** Response header of the screenshot route: when ECS captured the image (ISO 8601). */
export const CAPTURED_AT_HEADER = 'x-captured-at';
