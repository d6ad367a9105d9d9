/**
 * The part of noVNC's RFB client (`@novnc/novnc` 1.7, `core/rfb.js`) the console uses; the package
 * ships no types. See node_modules/@novnc/novnc/docs/API.md.
 */
declare module '@novnc/novnc' {
  export interface RfbCredentials {
    readonly username?: string;
    readonly password?: string;
    readonly target?: string;
  }

  export interface RfbOptions {
    readonly shared?: boolean;
    readonly credentials?: RfbCredentials;
    readonly wsProtocols?: readonly string[];
  }

  export interface RfbEventMap {
    connect: CustomEvent<Record<string, never>>;
    disconnect: CustomEvent<{ readonly clean: boolean }>;
    credentialsrequired: CustomEvent<{ readonly types: readonly string[] }>;
    securityfailure: CustomEvent<{ readonly status: number; readonly reason?: string }>;
    desktopname: CustomEvent<{ readonly name: string }>;
  }

  export default class RFB extends EventTarget {
    constructor(target: HTMLElement, urlOrChannel: string | WebSocket, options?: RfbOptions);
    scaleViewport: boolean;
    clipViewport: boolean;
    resizeSession: boolean;
    viewOnly: boolean;
    focusOnClick: boolean;
    background: string;
    disconnect(): void;
    sendCredentials(credentials: RfbCredentials): void;
    sendCtrlAltDel(): void;
    sendKey(keysym: number, code: string | null, down?: boolean): void;
    focus(options?: FocusOptions): void;
    blur(): void;
    addEventListener<K extends keyof RfbEventMap>(type: K, listener: (event: RfbEventMap[K]) => void): void;
    removeEventListener<K extends keyof RfbEventMap>(type: K, listener: (event: RfbEventMap[K]) => void): void;
  }
}
