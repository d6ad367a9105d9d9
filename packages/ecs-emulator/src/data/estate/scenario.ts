import { IMAGES, type ImageSpec } from '../catalog.js';

export const SECOND = 1000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** Emulated durations of the transitions the estate starts with. */
export const START_MS = 15 * SECOND;
export const STOP_MS = 10 * SECOND;

/** Most of the default estate lives here, as in a typical account. */
export const HOME_REGION = 'cn-hangzhou';
export const ANYWHERE = '0.0.0.0/0';
export const OFFICE_CIDR = '203.0.113.0/24';
export const VPN_CIDR = '198.51.100.0/24';
/** Alibaba Cloud's internal service addresses (OSS, yum mirrors, NTP). */
export const CLOUD_SERVICES_CIDR = '100.100.0.0/16';
export const TEAMS = ['platform', 'payments', 'search', 'data'];
export const COST_CENTERS = ['cc-1001', 'cc-2040', 'cc-3310', 'cc-4500'];

/** First two octets of the public addresses handed out in each region. */
export const PUBLIC_BLOCKS: Readonly<Record<string, readonly [number, number]>> = {
  'cn-hangzhou': [47, 96],
  'cn-shanghai': [47, 100],
  'ap-southeast-1': [47, 74],
  'eu-central-1': [47, 91],
  'us-west-1': [47, 88],
};
export const OTHER_PUBLIC_BLOCK = [8, 208] as const;

export const LINUX_IMAGES: readonly (readonly [ImageSpec, number])[] = IMAGES.filter(
  (image) => image.OSType === 'linux',
).map((image, i) => [image, i === 0 ? 4 : 2] as const);
export const WINDOWS_IMAGES = IMAGES.filter((image) => image.OSType === 'windows');

export type App = 'web' | 'api' | 'db' | 'cache' | 'bastion' | 'ad';
export type Env = 'prod' | 'staging' | 'dev';
export type GroupRole = 'web' | 'db' | 'windows';

/** What an application's servers look like. */
export interface Role {
  readonly description: string;
  readonly instanceTypes: readonly string[];
  readonly teams: readonly string[];
  readonly groups: readonly GroupRole[];
  /** Chance of a further group on top of `groups`. */
  readonly extraGroup?: { readonly role: GroupRole; readonly chance: number };
  /** Chance of a public IP or an EIP. */
  readonly publicChance: number;
  readonly windowsChance: number;
  readonly dataDisks: { readonly min: number; readonly max: number; readonly sizes: readonly number[] };
  /** One environment only (prod), so names carry none: `bastion-01`, `win-ad-01`. */
  readonly prodOnly: boolean;
}

export const ROLES: Readonly<Record<App, Role>> = {
  web: {
    description: 'Public web front end',
    instanceTypes: ['ecs.g7.large', 'ecs.c7.large', 'ecs.c7.xlarge', 'ecs.t6-c1m4.large'],
    teams: ['payments', 'search', 'platform'],
    groups: ['web'],
    publicChance: 0.5,
    windowsChance: 0.15,
    dataDisks: { min: 0, max: 1, sizes: [40, 50, 100] },
    prodOnly: false,
  },
  api: {
    description: 'Internal API service',
    instanceTypes: ['ecs.g7.xlarge', 'ecs.c7.xlarge', 'ecs.c7.2xlarge', 'ecs.g8i.xlarge'],
    teams: ['payments', 'search', 'platform'],
    groups: ['web'],
    extraGroup: { role: 'db', chance: 0.3 },
    publicChance: 0.1,
    windowsChance: 0.1,
    dataDisks: { min: 0, max: 1, sizes: [40, 100, 200] },
    prodOnly: false,
  },
  db: {
    description: 'MySQL database server',
    instanceTypes: ['ecs.r7.xlarge', 'ecs.r7.2xlarge', 'ecs.g7.2xlarge', 'ecs.g7.4xlarge'],
    teams: ['data', 'payments'],
    groups: ['db'],
    publicChance: 0,
    windowsChance: 0,
    dataDisks: { min: 1, max: 2, sizes: [200, 500, 1000, 2000] },
    prodOnly: false,
  },
  cache: {
    description: 'Redis cache',
    instanceTypes: ['ecs.r7.large', 'ecs.r7.xlarge'],
    teams: ['data', 'search'],
    groups: ['db'],
    publicChance: 0,
    windowsChance: 0,
    dataDisks: { min: 0, max: 1, sizes: [40, 100] },
    prodOnly: false,
  },
  bastion: {
    description: 'SSH jump host',
    instanceTypes: ['ecs.t6-c1m2.large', 'ecs.c7.large'],
    teams: ['platform'],
    groups: ['web'],
    extraGroup: { role: 'db', chance: 0.5 },
    publicChance: 1,
    windowsChance: 0,
    dataDisks: { min: 0, max: 0, sizes: [] },
    prodOnly: true,
  },
  ad: {
    description: 'Active Directory domain controller',
    instanceTypes: ['ecs.g7.large', 'ecs.g7.xlarge'],
    teams: ['platform'],
    groups: ['windows'],
    publicChance: 0,
    windowsChance: 1,
    dataDisks: { min: 1, max: 1, sizes: [100] },
    prodOnly: true,
  },
};

export const APP_WEIGHTS: readonly (readonly [App, number])[] = [
  ['web', 30],
  ['api', 25],
  ['db', 12],
  ['cache', 10],
  ['bastion', 3],
  ['ad', 2],
];
export const ENV_WEIGHTS: readonly (readonly [Env, number])[] = [
  ['prod', 5],
  ['staging', 3],
  ['dev', 2],
];
/** Development machines are often left stopped; production ones rarely. */
export const STOP_CHANCE: Readonly<Record<Env, number>> = { prod: 0.05, staging: 0.2, dev: 0.45 };
export const REGION_WEIGHTS: readonly (readonly [string, number])[] = [
  ['cn-hangzhou', 50],
  ['cn-shanghai', 16],
  ['ap-southeast-1', 14],
  ['eu-central-1', 10],
  ['us-west-1', 10],
];

/** Stands for the VPC's own CIDR block in a scenario rule. */
export const VPC_CIDR = 'vpc';

/** The other side of a scenario rule: a CIDR block, the VPC's block, or an earlier group of the scenario. */
export type ScenarioPeer = string | { readonly group: GroupRole };

export interface ScenarioRule {
  readonly Direction: 'ingress' | 'egress';
  readonly IpProtocol: string;
  readonly PortRange: string;
  /** Where ingress comes from, where egress goes. */
  readonly peer: ScenarioPeer;
  readonly Policy?: 'Accept' | 'Drop';
  readonly Priority?: string;
  readonly Description: string;
}

export interface ScenarioGroup {
  readonly role: GroupRole;
  readonly name: string;
  readonly description: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly rules: readonly ScenarioRule[];
}

const ALL_PORTS = '-1/-1';

/** The groups every VPC gets, in creation order (a group may name only the groups before it). */
export const SECURITY_GROUPS: readonly ScenarioGroup[] = [
  {
    role: 'web',
    name: 'sg-web',
    description: 'Web tier: HTTP and HTTPS from anywhere, SSH from the office',
    tags: { team: 'platform' },
    rules: [
      { Direction: 'ingress', IpProtocol: 'TCP', PortRange: '80/80', peer: ANYWHERE, Description: 'HTTP' },
      { Direction: 'ingress', IpProtocol: 'TCP', PortRange: '443/443', peer: ANYWHERE, Description: 'HTTPS' },
      {
        Direction: 'ingress',
        IpProtocol: 'TCP',
        PortRange: '22/22',
        peer: OFFICE_CIDR,
        Description: 'SSH from the office',
      },
      { Direction: 'ingress', IpProtocol: 'ICMP', PortRange: ALL_PORTS, peer: ANYWHERE, Description: 'Ping' },
      {
        Direction: 'ingress',
        IpProtocol: 'TCP',
        PortRange: '22/22',
        peer: ANYWHERE,
        Policy: 'Drop',
        Priority: '100',
        Description: 'No SSH from anywhere else',
      },
      { Direction: 'egress', IpProtocol: 'ALL', PortRange: ALL_PORTS, peer: ANYWHERE, Description: 'All outbound' },
    ],
  },
  {
    role: 'db',
    name: 'sg-db',
    description: 'Databases and caches: reachable from the web tier only',
    tags: { team: 'platform' },
    rules: [
      {
        Direction: 'ingress',
        IpProtocol: 'TCP',
        PortRange: '3306/3306',
        peer: { group: 'web' },
        Description: 'MySQL from the web tier',
      },
      {
        Direction: 'ingress',
        IpProtocol: 'TCP',
        PortRange: '6379/6379',
        peer: { group: 'web' },
        Description: 'Redis from the web tier',
      },
      {
        Direction: 'ingress',
        IpProtocol: 'TCP',
        PortRange: '22/22',
        peer: OFFICE_CIDR,
        Priority: '10',
        Description: 'SSH from the office',
      },
      {
        Direction: 'ingress',
        IpProtocol: 'ALL',
        PortRange: ALL_PORTS,
        peer: ANYWHERE,
        Policy: 'Drop',
        Priority: '100',
        Description: 'Deny everything else',
      },
      {
        Direction: 'egress',
        IpProtocol: 'TCP',
        PortRange: '443/443',
        peer: CLOUD_SERVICES_CIDR,
        Description: 'HTTPS to Alibaba Cloud services only',
      },
      {
        Direction: 'egress',
        IpProtocol: 'ALL',
        PortRange: ALL_PORTS,
        peer: ANYWHERE,
        Policy: 'Drop',
        Priority: '100',
        Description: 'Deny other outbound',
      },
    ],
  },
  {
    role: 'windows',
    name: 'sg-windows',
    description: 'Windows servers: RDP from the office and VPN, directory services inside the VPC',
    tags: { team: 'platform' },
    rules: [
      {
        Direction: 'ingress',
        IpProtocol: 'TCP',
        PortRange: '3389/3389',
        peer: OFFICE_CIDR,
        Description: 'RDP from the office',
      },
      {
        Direction: 'ingress',
        IpProtocol: 'TCP',
        PortRange: '3389/3389',
        peer: VPN_CIDR,
        Priority: '5',
        Description: 'RDP from the VPN',
      },
      { Direction: 'ingress', IpProtocol: 'TCP', PortRange: '389/389', peer: VPC_CIDR, Description: 'LDAP' },
      { Direction: 'ingress', IpProtocol: 'UDP', PortRange: '53/53', peer: VPC_CIDR, Description: 'DNS' },
      { Direction: 'egress', IpProtocol: 'ALL', PortRange: ALL_PORTS, peer: ANYWHERE, Description: 'All outbound' },
    ],
  },
];
