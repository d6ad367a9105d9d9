import type { InstanceRecord, RegionState } from '../store/types.js';

/**
 * What someone typed on an instance's screen through the VNC console. On Linux the screen ends at
 * the `login:` prompt, and a small line editor takes over: a user name, a password (not echoed),
 * then "Login incorrect" or a root shell whose commands echo and answer deterministically. Windows
 * shows its lock screen until Ctrl+Alt+Del opens the sign-in screen, where the password shows as
 * dots. The emulator keeps no OS passwords (ECS sets them through its agent), so any non-empty
 * password for root opens the shell, and Windows never accepts one.
 *
 * The session lives in memory only and belongs to one boot (each boot gets a new `instance.console`
 * record): after a stop or reboot the screen starts afresh at the new login prompt. It shows only
 * while the instance runs.
 */

/** A key the VNC server understood, already translated from its X11 keysym. */
export type ConsoleKey =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'enter' }
  | { readonly kind: 'backspace' }
  | { readonly kind: 'ctrl-alt-del' };

interface LinuxSession {
  readonly os: 'linux';
  /** Committed output since the login prompt, as a terminal stream (`\n` separates lines). */
  output: string;
  /** The line being edited. */
  input: string;
  phase: 'login' | 'password' | 'shell';
  user: string;
  /** `clear` was typed: the boot log is scrolled away. */
  cleared: boolean;
}

interface WindowsSession {
  readonly os: 'windows';
  signingIn: boolean;
  input: string;
  message: string;
}

export type ConsoleSession = LinuxSession | WindowsSession;
type Session = ConsoleSession;

/** The longest line the editor keeps, so a pasted novel cannot grow the screen without bound. */
const MAX_INPUT = 256;
/** Committed output kept; the screen only shows the last rows anyway. */
const MAX_OUTPUT = 8 * 1024;

/**
 * The session of the instance's current boot, if anything was typed. A boot gives the instance a
 * new console state, so a session of an earlier boot is not this one's.
 */
function currentSession(region: RegionState, instance: InstanceRecord): Session | undefined {
  const kept = region.consoleSessions.get(instance.InstanceId);
  return kept?.console === instance.console ? kept.session : undefined;
}

/** The session of the instance's current boot, new if there is none yet. */
function sessionOf(region: RegionState, instance: InstanceRecord): Session {
  const existing = currentSession(region, instance);
  if (existing) return existing;
  const fresh: Session =
    instance.OSType === 'windows'
      ? { os: 'windows', signingIn: false, input: '', message: '' }
      : { os: 'linux', output: '', input: '', phase: 'login', user: '', cleared: false };
  region.consoleSessions.set(instance.InstanceId, { console: instance.console, session: fresh });
  return fresh;
}

/** Types a key on the instance's screen; keys are ignored unless it runs (the OS is not listening). */
export function pressKey(region: RegionState, instance: InstanceRecord, key: ConsoleKey): void {
  if (instance.Status !== 'Running') return;
  const session = sessionOf(region, instance);
  if (session.os === 'windows') pressWindowsKey(session, key);
  else pressLinuxKey(session, key, instance.console.hostName);
}

function edit(session: { input: string }, key: ConsoleKey): void {
  if (key.kind === 'text') session.input = (session.input + printable(key.text)).slice(0, MAX_INPUT);
  if (key.kind === 'backspace') session.input = session.input.slice(0, -1);
}

/** Only printable ASCII reaches the line; the console font has nothing else. */
const printable = (text: string) => text.replace(/[^ -~]/g, '');

function pressLinuxKey(session: LinuxSession, key: ConsoleKey, hostName: string): void {
  const loginPrompt = `\n${hostName} login: `;
  if (key.kind === 'ctrl-alt-del') {
    // The images mask ctrl-alt-del.target on the console, so systemd only notes the key press.
    write(session, `${echoed(session)}\nCtrl-Alt-Del: reboot is disabled on this console; use RebootInstance.\n`);
    session.input = '';
    session.phase = 'login';
    write(session, loginPrompt);
    return;
  }
  if (key.kind !== 'enter') return edit(session, key);
  const line = session.input;
  write(session, `${echoed(session)}\n`);
  session.input = '';
  switch (session.phase) {
    case 'login':
      if (line.trim() === '') return write(session, loginPrompt.slice(1));
      session.user = line.trim();
      session.phase = 'password';
      return write(session, 'Password: ');
    case 'password':
      if (session.user === 'root' && line !== '') {
        session.phase = 'shell';
        return write(session, shellPrompt(hostName));
      }
      session.phase = 'login';
      return write(session, `Login incorrect${loginPrompt}`);
    case 'shell':
      return runCommand(session, line.trim(), hostName, loginPrompt);
  }
}

/** The few commands the emulated shell knows; anything else is not found, as bash says. */
function runCommand(session: LinuxSession, command: string, hostName: string, loginPrompt: string): void {
  const name = command.split(/\s+/)[0] ?? '';
  if (name === 'exit' || name === 'logout') {
    session.phase = 'login';
    return write(session, `logout\n${loginPrompt}`);
  }
  if (name === 'clear') {
    session.output = '';
    session.cleared = true;
  } else if (name === 'hostname') write(session, `${hostName}\n`);
  else if (name === 'whoami') write(session, 'root\n');
  else if (name === 'echo') write(session, `${command.slice(name.length).trim()}\n`);
  else if (name !== '') write(session, `-bash: ${name}: command not found\n`);
  write(session, shellPrompt(hostName));
}

const shellPrompt = (hostName: string) => `[root@${hostName.split('.')[0]} ~]# `;

/** The current line as the screen shows it: a password is typed blind. */
const echoed = (session: LinuxSession) => (session.phase === 'password' ? '' : session.input);

function write(session: LinuxSession, text: string): void {
  session.output = (session.output + text).slice(-MAX_OUTPUT);
}

function pressWindowsKey(session: WindowsSession, key: ConsoleKey): void {
  if (key.kind === 'ctrl-alt-del') {
    session.signingIn = true;
    session.input = '';
    session.message = '';
    return;
  }
  if (!session.signingIn) return;
  if (key.kind !== 'enter') return edit(session, key);
  session.input = '';
  session.message = 'The password is incorrect. Try again.';
}

/**
 * What the Linux screen shows after its boot log: undefined when nothing was typed, otherwise the
 * text to append (starting on the login prompt's line) and whether the log was cleared away.
 */
export function linuxTerminalText(
  region: RegionState,
  instance: InstanceRecord,
): { text: string; cleared: boolean } | undefined {
  const session = currentSession(region, instance);
  if (session?.os !== 'linux') return undefined;
  if (session.output === '' && session.input === '' && !session.cleared) return undefined;
  return { text: session.output + echoed(session), cleared: session.cleared };
}

/** The Windows sign-in screen's lines once Ctrl+Alt+Del was pressed; undefined on the lock screen. */
export function windowsSignInLines(region: RegionState, instance: InstanceRecord): string[] | undefined {
  const session = currentSession(region, instance);
  if (session?.os !== 'windows' || !session.signingIn) return undefined;
  return ['Administrator', '', `Password: ${'*'.repeat(session.input.length)}_`, '', session.message];
}
