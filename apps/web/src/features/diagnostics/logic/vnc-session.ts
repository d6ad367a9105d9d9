import type RFB from '@novnc/novnc';
import type { RfbOptions } from '@novnc/novnc';
import { keyStrokesFor } from './keysyms';
import { mayReconnect } from './diagnostics';

/** The part of noVNC's RFB the session drives; tests pass a fake. */
export type RfbClient = Pick<
  RFB,
  'scaleViewport' | 'disconnect' | 'sendCredentials' | 'sendCtrlAltDel' | 'sendKey' | 'focus' | 'addEventListener'
>;

export type CreateRfb = (target: HTMLElement, url: string, options: RfbOptions) => Promise<RfbClient>;

export type VncPhase = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'failed';

export interface VncSessionState {
  readonly phase: VncPhase;
  /** Reconnect attempt under way (1-based), while `phase` is `reconnecting`. */
  readonly attempt: number;
  /** Why the session ended, when it did not end at the user's request. */
  readonly problem:
    | null
    | { readonly kind: 'launchFailed'; readonly error: unknown }
    | { readonly kind: 'securityFailure'; readonly reason: string | null }
    | { readonly kind: 'gaveUp' };
  /** The server asks for a password the session does not have: prompt the user. */
  readonly credentialsRequired: boolean;
}

export const IDLE_STATE: VncSessionState = { phase: 'idle', attempt: 0, problem: null, credentialsRequired: false };

export interface VncSessionOptions {
  readonly target: HTMLElement;
  /** A fresh WebSocket URL: each is valid 15 seconds and for one connection only. */
  readonly fetchUrl: () => Promise<string>;
  readonly createRfb: CreateRfb;
  readonly onChange: (state: VncSessionState) => void;
  /** Wait before a reconnect, so a server that just closed us is not hammered. */
  readonly reconnectDelayMs?: number;
  readonly now?: () => number;
}

/**
 * One embedded VNC console: connects noVNC's RFB client to a URL from the BFF, asks for the VNC
 * password when the server wants one, and after an unexpected disconnect fetches a fresh URL and
 * reconnects a bounded number of times. Kept apart from React so its rules can be tested.
 */
export class VncSession {
  private state: VncSessionState = IDLE_STATE;
  private rfb: RfbClient | null = null;
  /** Bumped on every (re)connect and on disconnect, so events of an old connection are ignored. */
  private generation = 0;
  private password: string | undefined;
  private scale = true;
  private reconnects: number[] = [];
  private securityFailed: string | null | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: VncSessionOptions) {}

  get current(): VncSessionState {
    return this.state;
  }

  /** A connection the user asked for: the reconnect budget starts afresh. */
  connect(firstUrl?: string): void {
    this.reconnects = [];
    this.open('connecting', firstUrl);
  }

  /** Ends the session at the user's request; no reconnect follows. */
  disconnect(): void {
    this.stop();
    this.update({ phase: 'disconnected', attempt: 0, problem: null, credentialsRequired: false });
  }

  /** For unmounting: closes without reporting. */
  dispose(): void {
    this.stop();
  }

  sendPassword(password: string): void {
    this.password = password;
    this.rfb?.sendCredentials({ password });
    this.update({ ...this.state, credentialsRequired: false });
  }

  setScaleToFit(scale: boolean): void {
    this.scale = scale;
    if (this.rfb) this.rfb.scaleViewport = scale;
  }

  sendCtrlAltDel(): void {
    this.rfb?.sendCtrlAltDel();
    this.rfb?.focus();
  }

  /** Types the text key by key (press and release each), line breaks as Enter. */
  typeText(text: string): void {
    const rfb = this.rfb;
    if (!rfb || this.state.phase !== 'connected') return;
    for (const { keysym, code } of keyStrokesFor(text)) rfb.sendKey(keysym, code);
    rfb.focus();
  }

  private stop(): void {
    this.generation += 1;
    clearTimeout(this.timer);
    const rfb = this.rfb;
    this.rfb = null;
    rfb?.disconnect();
  }

  private update(state: VncSessionState): void {
    this.state = state;
    this.options.onChange(state);
  }

  private open(phase: 'connecting' | 'reconnecting', knownUrl?: string): void {
    this.stop();
    const generation = this.generation;
    this.securityFailed = undefined;
    this.update({
      phase,
      attempt: phase === 'reconnecting' ? this.reconnects.length : 0,
      problem: null,
      credentialsRequired: false,
    });
    void (async () => {
      let rfb: RfbClient;
      try {
        const url = knownUrl ?? (await this.options.fetchUrl());
        if (generation !== this.generation) return;
        rfb = await this.options.createRfb(this.options.target, url, {
          credentials: this.password === undefined ? undefined : { password: this.password },
        });
      } catch (error) {
        if (generation !== this.generation) return;
        this.update({
          phase: 'failed',
          attempt: 0,
          problem: { kind: 'launchFailed', error },
          credentialsRequired: false,
        });
        return;
      }
      if (generation !== this.generation) {
        rfb.disconnect();
        return;
      }
      this.rfb = rfb;
      rfb.scaleViewport = this.scale;
      const live = () => generation === this.generation;
      rfb.addEventListener('connect', () => {
        if (live()) this.update({ phase: 'connected', attempt: 0, problem: null, credentialsRequired: false });
      });
      rfb.addEventListener('credentialsrequired', () => {
        if (live()) this.update({ ...this.state, credentialsRequired: true });
      });
      rfb.addEventListener('securityfailure', (event) => {
        if (!live()) return;
        // A wrong password is not fixed by reconnecting: forget it and let the user try again.
        this.password = undefined;
        this.securityFailed = event.detail.reason ?? null;
      });
      rfb.addEventListener('disconnect', () => {
        if (live()) this.onUnexpectedDisconnect();
      });
    })();
  }

  private onUnexpectedDisconnect(): void {
    this.rfb = null;
    if (this.securityFailed !== undefined) {
      const reason = this.securityFailed;
      this.update({
        phase: 'failed',
        attempt: 0,
        problem: { kind: 'securityFailure', reason },
        credentialsRequired: false,
      });
      return;
    }
    const now = (this.options.now ?? Date.now)();
    if (!mayReconnect(this.reconnects, now)) {
      this.update({ phase: 'disconnected', attempt: 0, problem: { kind: 'gaveUp' }, credentialsRequired: false });
      return;
    }
    this.reconnects = [...this.reconnects, now];
    this.generation += 1;
    this.update({ phase: 'reconnecting', attempt: this.reconnects.length, problem: null, credentialsRequired: false });
    this.timer = setTimeout(() => this.open('reconnecting'), this.options.reconnectDelayMs ?? 1000);
  }
}
