import { createRule, createSecurityGroup, createVpc, type RuleInit } from '../../store/factories.js';
import type { Store } from '../../store/store.js';
import type { RegionState, SecurityGroupRecord, VpcRecord } from '../../store/types.js';
import { REGION_CATALOG } from '../catalog.js';
import type { Random } from '../random.js';
import type { RegionNetwork, VpcNetwork } from './build.js';
import { AddressPool } from './helpers.js';
import {
  type GroupRole,
  HOME_REGION,
  HOUR,
  OTHER_PUBLIC_BLOCK,
  PUBLIC_BLOCKS,
  SECURITY_GROUPS,
  VPC_CIDR,
} from './scenario.js';

// ---------------------------------------------------------------------------------------------
// Regions, VPCs and security groups

export function buildNetworks(store: Store, rng: Random, now: number): Map<string, RegionNetwork> {
  const networks = new Map<string, RegionNetwork>();
  for (const entry of REGION_CATALOG) {
    const regionId = entry.region.RegionId;
    const region = store.addRegion(entry.region, [...entry.zones]);
    const vpcCount = regionId === HOME_REGION || rng.chance(0.5) ? 2 : 1;
    const vpcs: VpcNetwork[] = [];
    for (let i = 0; i < vpcCount; i++) {
      const vpc = createVpc(store, region);
      const createdAt = now - rng.int(370 * 24, 400 * 24) * HOUR;
      vpcs.push({ vpc, groups: buildSecurityGroups(store, region, vpc, createdAt) });
    }
    const block = PUBLIC_BLOCKS[regionId] ?? OTHER_PUBLIC_BLOCK;
    networks.set(regionId, { region, vpcs, publicAddresses: new AddressPool(rng, block) });
  }
  return networks;
}

/** The groups of the scenario (web tier, databases, Windows) in one VPC, with their rules. */
function buildSecurityGroups(
  store: Store,
  region: RegionState,
  vpc: VpcRecord,
  createdAt: number,
): Record<GroupRole, SecurityGroupRecord> {
  const groups = {} as Record<GroupRole, SecurityGroupRecord>;
  for (const scenario of SECURITY_GROUPS) {
    const group = createSecurityGroup(store, region, {
      SecurityGroupName: scenario.name,
      Description: scenario.description,
      VpcId: vpc.VpcId,
      createdAt,
      tags: { ...scenario.tags },
    });
    groups[scenario.role] = group;
    for (const { peer, ...rule } of scenario.rules) {
      const side = rule.Direction === 'ingress' ? 'Source' : 'Dest';
      const peerField: Partial<RuleInit> =
        typeof peer === 'object' && 'group' in peer
          ? { [`${side}GroupId`]: groups[peer.group].SecurityGroupId }
          : { [`${side}CidrIp`]: peer === VPC_CIDR ? vpc.cidr : peer };
      createRule(store, region, group, { NicType: 'intranet', createdAt, ...rule, ...peerField });
    }
  }
  return groups;
}
