import type { RfbCredentials, RfbOptions } from '@novnc/novnc';
import { describe, expect, it, vi } from 'vitest';
import { MAX_RECONNECTS } from '@/features/diagnostics/logic/diagnostics';
import { XK_RETURN } from '@/features/diagnostics/logic/keysyms';
import { VncSession, type RfbClient, type VncSessionState } from '@/features/diagnostics/logic/vnc-session';

/** Stands in for noVNC's RFB: records what the session does and lets the test fire its events. */
class FakeRfb extends EventTarget {
  scaleViewport = false;
  disconnected = false;
  readonly keys: [number, string | null][] = [];
  readonly credentials: RfbCredentials[] = [];
  ctrlAltDel = 0;

  constructor(
    readonly url: string,
    readonly options: RfbOptions,
  ) {
    super();
  }

  emit(type: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  disconnect(): void {
    this.disconnected = true;
  }
  sendCredentials(credentials: RfbCredentials): void {
    this.credentials.push(credentials);
  }
  sendCtrlAltDel(): void {
    this.ctrlAltDel += 1;
  }
  sendKey(keysym: number, code: string | null): void {
    this.keys.push([keysym, code]);
  }
  focus(): void {}
}

function setup() {
  const clients: FakeRfb[] = [];
  const states: VncSessionState[] = [];
  let urls = 0;
  let now = 0;
  const fetchUrl = vi.fn(() => {
    urls += 1;
    return Promise.resolve(`ws://emulator/vnc?ticket=${urls}`);
  });
  const session = new VncSession({
    target: {} as HTMLElement,
    fetchUrl,
    createRfb: (_target, url, options) => {
      const client = new FakeRfb(url, options);
      clients.push(client);
      return Promise.resolve(client as unknown as RfbClient);
    },
    onChange: (state) => states.push(state),
    reconnectDelayMs: 0,
    now: () => now,
  });
  const latest = async (count: number) => {
    await vi.waitFor(() => expect(clients).toHaveLength(count));
    return clients[count - 1] as FakeRfb;
  };
  return { session, clients, states, fetchUrl, latest, advance: (ms: number) => (now += ms) };
}

describe('VncSession', () => {
  it('connects with the URL from Connect, then reports connected', async () => {
    const { session, fetchUrl, latest } = setup();
    session.connect('ws://given');
    const client = await latest(1);
    expect(client.url).toBe('ws://given');
    expect(fetchUrl).not.toHaveBeenCalled();
    expect(session.current.phase).toBe('connecting');
    client.emit('connect');
    expect(session.current.phase).toBe('connected');
    expect(client.scaleViewport).toBe(true);
  });

  it('asks for the password, sends it, and reuses it on reconnect with a fresh URL', async () => {
    const { session, fetchUrl, latest } = setup();
    session.connect();
    const first = await latest(1);
    expect(first.url).toBe('ws://emulator/vnc?ticket=1');
    first.emit('credentialsrequired', { types: ['password'] });
    expect(session.current.credentialsRequired).toBe(true);
    session.sendPassword('abc123');
    expect(first.credentials).toEqual([{ password: 'abc123' }]);
    expect(session.current.credentialsRequired).toBe(false);
    first.emit('connect');

    first.emit('disconnect', { clean: true });
    expect(session.current).toMatchObject({ phase: 'reconnecting', attempt: 1 });
    const second = await latest(2);
    expect(fetchUrl).toHaveBeenCalledTimes(2);
    expect(second.url).toBe('ws://emulator/vnc?ticket=2');
    expect(second.options.credentials).toEqual({ password: 'abc123' });
    second.emit('connect');
    expect(session.current.phase).toBe('connected');
  });

  it(`stops after ${MAX_RECONNECTS} reconnects within a minute and says so`, async () => {
    const { session, latest } = setup();
    session.connect();
    for (let count = 1; count <= MAX_RECONNECTS; count += 1) {
      const client = await latest(count);
      client.emit('connect');
      client.emit('disconnect', { clean: false });
      expect(session.current.phase).toBe('reconnecting');
    }
    const last = await latest(MAX_RECONNECTS + 1);
    last.emit('disconnect', { clean: false });
    expect(session.current).toMatchObject({ phase: 'disconnected', problem: { kind: 'gaveUp' } });
  });

  it('allows reconnects again once earlier ones are a minute old', async () => {
    const { session, latest, advance } = setup();
    session.connect();
    for (let count = 1; count <= MAX_RECONNECTS; count += 1) (await latest(count)).emit('disconnect', { clean: false });
    advance(60_000);
    (await latest(MAX_RECONNECTS + 1)).emit('disconnect', { clean: false });
    expect(session.current.phase).toBe('reconnecting');
  });

  it('does not reconnect after a security failure, and forgets the password', async () => {
    const { session, latest, clients } = setup();
    session.connect();
    const client = await latest(1);
    session.sendPassword('wrong1');
    client.emit('securityfailure', { status: 1, reason: 'Authentication failed' });
    client.emit('disconnect', { clean: false });
    expect(session.current).toMatchObject({
      phase: 'failed',
      problem: { kind: 'securityFailure', reason: 'Authentication failed' },
    });
    session.connect();
    const next = await latest(2);
    expect(next.options.credentials).toBeUndefined();
    expect(clients).toHaveLength(2);
  });

  it('does not reconnect when the user disconnects', async () => {
    const { session, latest, clients } = setup();
    session.connect();
    const client = await latest(1);
    client.emit('connect');
    session.disconnect();
    expect(client.disconnected).toBe(true);
    // noVNC reports the disconnect it was asked for: the session ignores it.
    client.emit('disconnect', { clean: true });
    expect(session.current.phase).toBe('disconnected');
    expect(session.current.problem).toBeNull();
    expect(clients).toHaveLength(1);
  });

  it('reports a failure to get a URL with the error', async () => {
    const error = new Error('forbidden');
    const session = new VncSession({
      target: {} as HTMLElement,
      fetchUrl: () => Promise.reject(error),
      createRfb: () => Promise.reject(new Error('not reached')),
      onChange: () => undefined,
    });
    session.connect();
    await vi.waitFor(() => expect(session.current.phase).toBe('failed'));
    expect(session.current.problem).toEqual({ kind: 'launchFailed', error });
  });

  it('types text, Ctrl-Alt-Del and scale only while connected', async () => {
    const { session, latest } = setup();
    session.connect();
    const client = await latest(1);
    session.typeText('x');
    expect(client.keys).toEqual([]);
    client.emit('connect');
    session.typeText('ls\n');
    expect(client.keys).toEqual([
      [0x6c, 'KeyL'],
      [0x73, 'KeyS'],
      [XK_RETURN, 'Enter'],
    ]);
    session.sendCtrlAltDel();
    expect(client.ctrlAltDel).toBe(1);
    session.setScaleToFit(false);
    expect(client.scaleViewport).toBe(false);
  });
});
