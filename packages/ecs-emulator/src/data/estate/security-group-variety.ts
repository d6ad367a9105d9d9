import { createRule, createSecurityGroup, type RuleInit } from '../../store/factories.js';
import type { InstanceRecord, RegionState, SecurityGroupRecord, VpcRecord } from '../../store/types.js';
import type { Build } from './build.js';
import { between } from './helpers.js';
import { ANYWHERE, DAY, HOME_REGION, OFFICE_CIDR, SECOND, VPN_CIDR } from './scenario.js';

// ---------------------------------------------------------------------------------------------
// What the Security groups pages need to find whatever the seed (default estate, home region)

const IPV6_ANYWHERE = '::/0';
const PRIVATE_10 = '10.0.0.0/8';
const MINUTE = 60 * SECOND;

/** One landmark rule: the peer is a CIDR block (v4 or v6 by its form) or another landmark group by name. */
interface LandmarkRule extends Omit<RuleInit, 'Direction' | 'createdAt'> {
  readonly Direction: 'ingress' | 'egress';
  readonly peer: string | { readonly group: string };
}

interface LandmarkGroup {
  readonly name: string;
  readonly description: string;
  readonly type?: 'normal' | 'enterprise';
  /** `prod` is the home region's first VPC, `other` its last. */
  readonly vpc: 'prod' | 'other';
  readonly rules: readonly LandmarkRule[];
}

const tcp = (port: string) => ({ IpProtocol: 'TCP', PortRange: `${port}/${port}` });

/**
 * The groups, in creation order (a rule may name only an earlier group). Each carries what the
 * rule analysis should find: world-open admin ports over IPv4 and IPv6, a shadowed rule, allows
 * overridden by a deny (earlier and tied), mergeable rules, a group-to-group reference, an egress
 * deny, an advanced group and an empty one.
 */
const LANDMARK_GROUPS: readonly LandmarkGroup[] = [
  {
    name: 'web-public',
    description: 'Public web servers: HTTP(S) from anywhere; SSH and RDP left open to the world',
    vpc: 'prod',
    rules: [
      { Direction: 'ingress', ...tcp('80'), peer: ANYWHERE, Description: 'HTTP' },
      { Direction: 'ingress', ...tcp('443'), peer: ANYWHERE, Description: 'HTTPS' },
      { Direction: 'ingress', ...tcp('443'), peer: IPV6_ANYWHERE, Description: 'HTTPS over IPv6' },
      { Direction: 'ingress', ...tcp('22'), peer: ANYWHERE, Description: 'SSH (temporary, for the vendor)' },
      { Direction: 'ingress', ...tcp('22'), peer: IPV6_ANYWHERE, Description: 'SSH over IPv6' },
      { Direction: 'ingress', ...tcp('3389'), peer: ANYWHERE, Description: 'RDP' },
      { Direction: 'ingress', ...tcp('3389'), peer: IPV6_ANYWHERE, Description: 'RDP over IPv6' },
      // Adjacent ranges from one peer: one rule would do.
      { Direction: 'ingress', IpProtocol: 'TCP', PortRange: '8000/8079', peer: VPN_CIDR, Description: 'Admin UIs' },
      { Direction: 'ingress', IpProtocol: 'TCP', PortRange: '8080/8099', peer: VPN_CIDR, Description: 'Metrics' },
      { Direction: 'egress', IpProtocol: 'ALL', PortRange: '-1/-1', peer: ANYWHERE, Description: 'All outbound' },
    ],
  },
  {
    name: 'app-internal',
    description: 'Application tier: MySQL and HTTP from web-public only; outbound HTTPS only',
    vpc: 'prod',
    rules: [
      { Direction: 'ingress', ...tcp('3306'), peer: { group: 'web-public' }, Description: 'MySQL from web-public' },
      { Direction: 'ingress', ...tcp('8080'), peer: { group: 'web-public' }, Description: 'App port from web-public' },
      // An allow that an earlier deny (lower priority number) covers.
      {
        Direction: 'ingress',
        IpProtocol: 'TCP',
        PortRange: '9000/9100',
        peer: PRIVATE_10,
        Priority: '50',
        Description: 'Debug ports (superseded)',
      },
      {
        Direction: 'ingress',
        IpProtocol: 'TCP',
        PortRange: '9000/9100',
        peer: PRIVATE_10,
        Policy: 'Drop',
        Priority: '10',
        Description: 'No debug ports',
      },
      // At a tied priority the deny wins.
      {
        Direction: 'ingress',
        ...tcp('6379'),
        peer: '10.1.0.0/16',
        Priority: '20',
        Description: 'Redis from the app subnet',
      },
      {
        Direction: 'ingress',
        ...tcp('6379'),
        peer: PRIVATE_10,
        Policy: 'Drop',
        Priority: '20',
        Description: 'No Redis from the VPC',
      },
      { Direction: 'egress', ...tcp('443'), peer: ANYWHERE, Description: 'HTTPS out' },
      {
        Direction: 'egress',
        IpProtocol: 'ALL',
        PortRange: '-1/-1',
        peer: ANYWHERE,
        Policy: 'Drop',
        Priority: '100',
        Description: 'Deny other outbound',
      },
    ],
  },
  {
    name: 'db-private',
    description: 'Advanced group for the database cluster: members isolated from each other',
    type: 'enterprise',
    vpc: 'prod',
    rules: [
      { Direction: 'ingress', ...tcp('3306'), peer: PRIVATE_10, Description: 'MySQL from the VPC' },
      { Direction: 'ingress', ...tcp('5432'), peer: PRIVATE_10, Description: 'PostgreSQL from the VPC' },
    ],
  },
  {
    name: 'scratch-unused',
    description: 'Created for a test that never ran: no rules, no members',
    vpc: 'prod',
    rules: [],
  },
  {
    name: 'legacy-wide-open',
    description: 'Left over from the 2019 migration: everything allowed first',
    vpc: 'other',
    rules: [
      { Direction: 'ingress', IpProtocol: 'ALL', PortRange: '-1/-1', peer: ANYWHERE, Description: 'Allow all' },
      // Both can never decide: the rule above already accepts everything.
      { Direction: 'ingress', ...tcp('22'), peer: OFFICE_CIDR, Priority: '10', Description: 'SSH from the office' },
      { Direction: 'ingress', ...tcp('5432'), peer: PRIVATE_10, Priority: '50', Description: 'PostgreSQL' },
      { Direction: 'egress', IpProtocol: 'ALL', PortRange: '-1/-1', peer: ANYWHERE, Description: 'All outbound' },
    ],
  },
];

/**
 * Adds, in the home region, security groups whose rules show every finding of the rule analysis,
 * and puts two landmark instances in them: the production web server in web-public and
 * app-internal (three groups in all) and the stopped development cache in legacy-wide-open. Runs
 * last, so the rest of the estate keeps the IDs and draws it had.
 */
export function addSecurityGroupLandmarks(build: Build): void {
  const network = build.networks.get(HOME_REGION)!;
  const { region } = network;
  const vpcs = { prod: network.vpcs[0]!.vpc, other: network.vpcs[network.vpcs.length - 1]!.vpc };
  const byName = new Map<string, SecurityGroupRecord>();
  for (const landmark of LANDMARK_GROUPS) {
    byName.set(landmark.name, addGroup(build, region, vpcs[landmark.vpc], landmark, byName));
  }
  const instances = [...region.instances.values()];
  const find = (app: string, env: string, status: string) =>
    instances.find(
      (i) => i.tags.app === app && i.tags.env === env && i.Status === status && i.lockReasons.length === 0,
    )!;
  join(find('web', 'prod', 'Running'), byName.get('web-public')!, byName.get('app-internal')!);
  join(find('cache', 'dev', 'Stopped'), byName.get('legacy-wide-open')!);
}

function addGroup(
  build: Build,
  region: RegionState,
  vpc: VpcRecord,
  landmark: LandmarkGroup,
  earlier: ReadonlyMap<string, SecurityGroupRecord>,
): SecurityGroupRecord {
  const createdAt = between(build.rng, build.now - 200 * DAY, build.now - 30 * DAY);
  const group = createSecurityGroup(build.store, region, {
    SecurityGroupName: landmark.name,
    Description: landmark.description,
    SecurityGroupType: landmark.type ?? 'normal',
    VpcId: vpc.VpcId,
    createdAt,
    tags: { team: 'platform', purpose: 'landmark' },
  });
  for (const [index, { peer, ...rule }] of landmark.rules.entries()) {
    const side = rule.Direction === 'ingress' ? 'Source' : 'Dest';
    const peerField: Partial<RuleInit> =
      typeof peer === 'object'
        ? { [`${side}GroupId`]: earlier.get(peer.group)!.SecurityGroupId }
        : { [peer.includes(':') ? `Ipv6${side}CidrIp` : `${side}CidrIp`]: peer };
    createRule(build.store, region, group, {
      NicType: 'intranet',
      // Added one after the other on the day the group was made.
      createdAt: createdAt + index * MINUTE,
      ...rule,
      ...peerField,
    });
  }
  return group;
}

function join(instance: InstanceRecord, ...groups: readonly SecurityGroupRecord[]): void {
  for (const group of groups) instance.SecurityGroupIds.push(group.SecurityGroupId);
}
