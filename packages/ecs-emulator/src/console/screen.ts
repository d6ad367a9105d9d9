import type { InstanceRecord, RegionState } from '../store/types.js';
import { linuxBootLog, linuxShutdownLog, type ConsoleLine, type Machine } from './boot-log.js';
import { linuxTerminalText, windowsSignInLines } from './terminal.js';

/**
 * An instance's console, derived from its status and the times in `instance.console`: the serial
 * log GetInstanceConsoleOutput returns and the 80 × 25 text screen GetInstanceScreenshot (and the
 * VNC console) show. Starting and stopping record times; nothing else is stored, so the console
 * follows the emulated clock: during Starting the boot log grows line by line.
 */

export const SCREEN_COLUMNS = 80;
export const SCREEN_ROWS = 25;

/** Windows turns the display off after ten idle minutes; a screenshot with WakeUp turns it on. */
export const DISPLAY_SLEEP_MS = 10 * 60_000;

/** Alibaba Cloud's public images run on China Standard Time, so the Windows lock screen clock shows it. */
const IMAGE_TIME_ZONE_OFFSET_MS = 8 * 3_600_000;

export type Rgb = readonly [number, number, number];

export interface ConsoleScreen {
  /** At most SCREEN_ROWS rows of at most SCREEN_COLUMNS characters; none when the screen is dark. */
  readonly rows: readonly string[];
  readonly foreground: Rgb;
  readonly background: Rgb;
}

const BLACK: Rgb = [0, 0, 0];
const LIGHT_GREY: Rgb = [170, 170, 170];
const WINDOWS_BLUE: Rgb = [0, 48, 96];
const WHITE: Rgb = [255, 255, 255];

// Console events, recorded by the instance actions and transitions --------------------------------

/** Power-on or reboot: a fresh boot log, with the host name the OS now picks up. */
export function recordBoot(instance: InstanceRecord, at: number): void {
  instance.console = { bootedAt: at, hostName: instance.HostName, stoppedAt: undefined, activeAt: at };
}

/** The OS shuts down: the log gets its shutdown lines. */
export function recordShutdown(instance: InstanceRecord, at: number): void {
  instance.console.stoppedAt = at;
}

export function wakeDisplay(instance: InstanceRecord, at: number): void {
  instance.console.activeAt = at;
}

// The serial log ----------------------------------------------------------------------------------

/** When the log last changed (the last start, reboot or stop); undefined if the instance never ran. */
export function consoleUpdatedAt(instance: InstanceRecord): number | undefined {
  return instance.console.stoppedAt ?? instance.console.bootedAt;
}

/** The Linux serial log as printed so far (ANSI escapes included); empty before the first boot. */
export function consoleOutput(region: RegionState, instance: InstanceRecord, now: number): string {
  return visibleLogLines(region, instance, now).join('\n');
}

/** What RemoveSymbols=true strips: ANSI escape sequences and control characters other than tab and newline. */
export function removeSymbols(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

function visibleLogLines(region: RegionState, instance: InstanceRecord, now: number): string[] {
  const { bootedAt, stoppedAt } = instance.console;
  if (bootedAt === undefined) return [];
  const machine = machineOf(region, instance);
  // While a boot or shutdown is under way only the lines printed so far show; afterwards all of them.
  const shown = (lines: ConsoleLine[], since: number, inProgress: boolean) =>
    lines.filter((line) => !inProgress || line.at <= now - since).map((line) => line.text);
  const boot = shown(linuxBootLog(machine, bootedAt), bootedAt, instance.Status === 'Starting');
  if (stoppedAt === undefined) return boot;
  const shutdown = linuxShutdownLog(machine, stoppedAt - bootedAt);
  return [...boot, ...shown(shutdown, stoppedAt, instance.Status === 'Stopping')];
}

function machineOf(region: RegionState, instance: InstanceRecord): Machine {
  let systemDiskGiB = 40;
  for (const disk of region.disks.values()) {
    if (disk.InstanceId === instance.InstanceId && disk.Type === 'system') systemDiskGiB = disk.Size;
  }
  return {
    osNameEn: instance.OSNameEn,
    hostName: instance.console.hostName,
    cpu: instance.Cpu,
    memoryMiB: instance.Memory,
    systemDiskGiB,
    privateIp: instance.PrivateIpAddress,
    serialNumber: instance.SerialNumber,
  };
}

// The screen --------------------------------------------------------------------------------------

const DARK: ConsoleScreen = { rows: [], foreground: LIGHT_GREY, background: BLACK };

/** The text screen: dark while the instance is off (or a Windows display sleeps). */
export function consoleScreen(region: RegionState, instance: InstanceRecord, now: number): ConsoleScreen {
  if (instance.Status === 'Pending' || instance.Status === 'Stopped') return DARK;
  if (instance.OSType === 'windows') return windowsScreen(region, instance, now);
  const log = visibleLogLines(region, instance, now).map(removeSymbols);
  // Whatever was typed at the login prompt (through the VNC console) follows the log on screen.
  const typed = instance.Status === 'Running' ? linuxTerminalText(region, instance) : undefined;
  const lines = typed ? (typed.cleared ? typed.text : log.join('\n') + typed.text).split('\n') : log;
  const rows = lines.flatMap(wrap);
  return { rows: rows.slice(-SCREEN_ROWS), foreground: LIGHT_GREY, background: BLACK };
}

/** A long line continues on the next screen row, as on a terminal. */
function wrap(line: string): string[] {
  const rows: string[] = [];
  for (let start = 0; start < line.length; start += SCREEN_COLUMNS)
    rows.push(line.slice(start, start + SCREEN_COLUMNS));
  return rows.length ? rows : [''];
}

function windowsScreen(region: RegionState, instance: InstanceRecord, now: number): ConsoleScreen {
  const product = instance.OSNameEn.replace(/\s+/g, ' ').replace(/ 64[ -]?bit.*$/i, '');
  const screen = (lines: string[]) => ({ rows: centred(lines), foreground: WHITE, background: WINDOWS_BLUE });
  if (instance.Status === 'Starting') return screen([product, '', 'Please wait']);
  if (instance.Status === 'Stopping') return screen(['Shutting down']);
  if (now - (instance.console.activeAt ?? now) > DISPLAY_SLEEP_MS) return DARK;
  const signIn = windowsSignInLines(region, instance);
  if (signIn) return screen([product, '', '', ...signIn]);
  const local = new Date(now + IMAGE_TIME_ZONE_OFFSET_MS);
  const clock = `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
  const date = `${WEEKDAYS[local.getUTCDay()]}, ${MONTHS[local.getUTCMonth()]} ${local.getUTCDate()}`;
  return screen([clock, date, '', '', product, '', 'Press Ctrl+Alt+Del to sign in.']);
}

/** Lines centred on the screen, horizontally and vertically. */
function centred(lines: string[]): string[] {
  const top = Math.floor((SCREEN_ROWS - lines.length) / 2);
  const padded = lines.map((line) => ' '.repeat(Math.max(0, Math.floor((SCREEN_COLUMNS - line.length) / 2))) + line);
  return [...Array<string>(top).fill(''), ...padded];
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
