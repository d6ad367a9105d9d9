/**
 * What a Linux instance prints on its serial console while it boots and shuts down: kernel lines
 * with uptime stamps, then systemd's status lines (with their ANSI colours, as a real serial
 * console carries them), then the login prompt. The text depends only on the machine and the
 * boot time, so it is the same every time it is asked for.
 */

/** One console line and when it is printed, in ms after the boot (or the shutdown) began. */
export interface ConsoleLine {
  readonly at: number;
  readonly text: string;
}

/** What the log mentions about the instance. */
export interface Machine {
  readonly osNameEn: string;
  readonly hostName: string;
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly systemDiskGiB: number;
  readonly privateIp: string;
  /** Used as the root file system's UUID. */
  readonly serialNumber: string;
}

interface LinuxDistro {
  readonly kernel: string;
  readonly systemdVersion: number;
  /** As systemd greets with it (`Welcome to ...!`). */
  readonly prettyName: string;
  /** The unit that brings the network up. */
  readonly networkUnit: string;
  /** The lines /etc/issue puts above the login prompt. */
  readonly issue: (hostName: string) => readonly string[];
}

const redHatIssue = (prettyName: string, kernel: string) => () => [prettyName, `Kernel ${kernel} on an x86_64`];
const debianIssue = (name: string) => (hostName: string) => [`${name} ${hostName} ttyS0`];

/** The images in the catalog, recognised by OSNameEn; anything else boots as a generic distribution. */
const DISTROS: readonly { readonly match: RegExp; readonly distro: LinuxDistro }[] = [
  {
    match: /Alibaba Cloud Linux\s+3/,
    distro: {
      kernel: '5.10.134-16.3.al8.x86_64',
      systemdVersion: 239,
      prettyName: 'Alibaba Cloud Linux 3 (Soaring Falcon)',
      networkUnit: 'Network Manager',
      issue: redHatIssue('Alibaba Cloud Linux 3 (Soaring Falcon)', '5.10.134-16.3.al8.x86_64'),
    },
  },
  {
    match: /Ubuntu\s+22\.04/,
    distro: {
      kernel: '5.15.0-117-generic',
      systemdVersion: 249,
      prettyName: 'Ubuntu 22.04.4 LTS',
      networkUnit: 'Network Configuration',
      issue: debianIssue('Ubuntu 22.04.4 LTS'),
    },
  },
  {
    match: /Debian\s+12/,
    distro: {
      kernel: '6.1.0-23-amd64',
      systemdVersion: 252,
      prettyName: 'Debian GNU/Linux 12 (bookworm)',
      networkUnit: 'Raise network interfaces',
      issue: debianIssue('Debian GNU/Linux 12'),
    },
  },
  {
    match: /CentOS\s+7/,
    distro: {
      kernel: '3.10.0-1160.119.1.el7.x86_64',
      systemdVersion: 219,
      prettyName: 'CentOS Linux 7 (Core)',
      networkUnit: 'LSB: Bring up/down networking',
      issue: redHatIssue('CentOS Linux 7 (Core)', '3.10.0-1160.119.1.el7.x86_64'),
    },
  },
];

function distroOf(osNameEn: string): LinuxDistro {
  const known = DISTROS.find((entry) => entry.match.test(osNameEn));
  if (known) return known.distro;
  const prettyName =
    osNameEn
      .replace(/\s+/g, ' ')
      .replace(/ 64[ -]?bit.*$/i, '')
      .trim() || 'Linux';
  return {
    kernel: '5.10.0-generic',
    systemdVersion: 239,
    prettyName,
    networkUnit: 'Network Manager',
    issue: redHatIssue(prettyName, '5.10.0-generic'),
  };
}

const GREEN_OK = '[\x1b[0;32m  OK  \x1b[0m]';

/**
 * `[    1.234567] text`, the kernel's uptime stamp. A few microseconds per line index make the
 * stamps look measured while keeping lines printed in the same millisecond in order.
 */
function kernelLine(uptimeMs: number, index: number, text: string): string {
  const seconds = String(Math.floor(uptimeMs / 1000)).padStart(5);
  const micros = String((uptimeMs % 1000) * 1000 + ((index * 97) % 1000)).padStart(6, '0');
  return `[${seconds}.${micros}] ${text}`;
}

function kernelLines(machine: Machine, distro: LinuxDistro): ConsoleLine[] {
  const memoryKiB = machine.memoryMiB * 1024;
  const sectors = machine.systemDiskGiB * 2_097_152;
  const diskGB = ((machine.systemDiskGiB * 1024 ** 3) / 1e9).toFixed(1);
  const cpus = `${machine.cpu} CPU${machine.cpu === 1 ? '' : 's'}`;
  const lines: [number, string][] = [
    [0, `Linux version ${distro.kernel} (mockbuild@builder) (gcc (GCC) 10.2.1) #1 SMP`],
    [
      0,
      `Command line: BOOT_IMAGE=/boot/vmlinuz-${distro.kernel} root=UUID=${machine.serialNumber} ro ` +
        'console=tty0 console=ttyS0,115200n8 net.ifnames=0',
    ],
    [0, 'DMI: Alibaba Cloud Alibaba Cloud ECS, BIOS 0.0.0 02/06/2015'],
    [0, 'Hypervisor detected: KVM'],
    [12, `Memory: ${Math.round(memoryKiB * 0.96)}K/${memoryKiB}K available`],
    [41, `smpboot: Allowing ${cpus}, 0 hotplug CPUs`],
    [152, 'smpboot: CPU0: Intel(R) Xeon(R) Platinum 8369B CPU @ 2.70GHz (family: 0x6, model: 0x6a, stepping: 0x6)'],
    [231, `smp: Brought up 1 node, ${cpus}`],
    [784, `virtio_blk virtio1: [vda] ${sectors} 512-byte logical blocks (${diskGB} GB/${machine.systemDiskGiB}.0 GiB)`],
    [791, ' vda: vda1'],
    [1452, 'EXT4-fs (vda1): mounted filesystem with ordered data mode. Opts: (null)'],
    [1903, `systemd[1]: systemd ${distro.systemdVersion} running in system mode.`],
    [1911, 'systemd[1]: Detected virtualization kvm.'],
    [1920, 'systemd[1]: Detected architecture x86-64.'],
    [1932, `systemd[1]: Set hostname to <${machine.hostName}>.`],
  ];
  return lines.map(([at, text], index) => ({ at, text: kernelLine(at, index, text) }));
}

function serviceLines(machine: Machine, distro: LinuxDistro, bootedAt: number): ConsoleLine[] {
  const started = (unit: string) => `${GREEN_OK} Started ${unit}.`;
  const reached = (target: string) => `${GREEN_OK} Reached target ${target}.`;
  const cloudInitDone = new Date(bootedAt + 8_640).toUTCString().replace('GMT', '+0000');
  const lines: [number, string][] = [
    [1950, ''],
    [1950, `Welcome to \x1b[1m${distro.prettyName}\x1b[0m!`],
    [1950, ''],
    [2310, started('Journal Service')],
    [2870, reached('Local File Systems')],
    [3420, started(distro.networkUnit)],
    [4160, reached('Network')],
    [4980, `cloud-init[812]: ci-info: | eth0 | True | ${machine.privateIp} | 255.255.240.0 | global |`],
    [5530, started('OpenSSH server daemon')],
    [6240, started('Aliyun Assist')],
    [7710, reached('Multi-User System')],
    [8640, `cloud-init[1021]: Cloud-init v. 23.4 finished at ${cloudInitDone}. Datasource DataSourceAliYun.`],
  ];
  return lines.map(([at, text]) => ({ at, text }));
}

/** Printed last: the issue banner and the prompt (without a line break, as a terminal leaves it). */
function loginLines(machine: Machine, distro: LinuxDistro): ConsoleLine[] {
  const at = 10_870;
  return [
    { at, text: '' },
    ...distro.issue(machine.hostName).map((text) => ({ at, text })),
    { at, text: '' },
    { at, text: `${machine.hostName} login: ` },
  ];
}

/** Everything a boot prints, up to the login prompt about 11 s in. */
export function linuxBootLog(machine: Machine, bootedAt: number): ConsoleLine[] {
  const distro = distroOf(machine.osNameEn);
  return [...kernelLines(machine, distro), ...serviceLines(machine, distro, bootedAt), ...loginLines(machine, distro)];
}

/** An orderly shutdown, `uptimeMs` after the boot; it reaches power-off 2 s in. */
export function linuxShutdownLog(machine: Machine, uptimeMs: number): ConsoleLine[] {
  const distro = distroOf(machine.osNameEn);
  const stopping = (unit: string) => `         Stopping ${unit}...`;
  const stopped = (unit: string) => `${GREEN_OK} Stopped ${unit}.`;
  const lines: [number, string][] = [
    [0, stopped('target Multi-User System')],
    [40, stopping('OpenSSH server daemon')],
    [130, stopped('OpenSSH server daemon')],
    [160, stopping('Aliyun Assist')],
    [420, stopped('Aliyun Assist')],
    [510, stopped('target Network')],
    [600, stopping(distro.networkUnit)],
    [910, stopped(distro.networkUnit)],
    [1210, `${GREEN_OK} Reached target Shutdown.`],
    [1300, `${GREEN_OK} Reached target Final Step.`],
    [1420, '         Starting Power-Off...'],
  ];
  const powerDown = 2_000;
  return [
    ...lines.map(([at, text]) => ({ at, text })),
    { at: powerDown, text: kernelLine(uptimeMs + powerDown, lines.length, 'reboot: Power down') },
  ];
}
