import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { EcsError, type EcsClient } from '@ecs-console/ecs-client';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { SECURITY_GROUP_LIST } from '../src/fleet/kinds.js';
import { listRegion } from '../src/fleet/list-region.js';

const REGION = 'cn-hangzhou';

function rule(groupId: string, n: number, direction: 'ingress' | 'egress') {
  return { SecurityGroupRuleId: `sgr-${groupId.slice(3)}${n}`, Direction: direction, IpProtocol: 'TCP' };
}

/**
 * A region of `groups` security groups as ECS pages them (50 a page); each group's rules come on two
 * NextToken pages (an inbound one, then an outbound one). Every call waits a turn of the event loop,
 * so calls overlap as they would on the wire; `maxInFlight` is the most that overlapped.
 */
function fakeRegion(groups: number, fail?: { action: string; groupId?: string; code: string }) {
  const ids = Array.from({ length: groups }, (_, n) => `sg-fake${String(n).padStart(4, '0')}`);
  const seen: { action: string; params: Record<string, unknown> }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const call = (async (action: string, params: Record<string, unknown>, options?: { signal?: AbortSignal }) => {
    // As the client does: a call whose listing has failed is not sent.
    options?.signal?.throwIfAborted();
    seen.push({ action, params });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await nextTurn();
      if (fail && fail.action === action && (!fail.groupId || fail.groupId === params.SecurityGroupId)) {
        throw new EcsError({ kind: 'service', code: fail.code, message: fail.code, requestId: 'req-failed' });
      }
      if (action === 'DescribeSecurityGroups') {
        const size = params.PageSize as number;
        const page = params.PageNumber as number;
        const items = ids.slice((page - 1) * size, page * size).map((SecurityGroupId) => ({
          SecurityGroupId,
          SecurityGroupName: `name-${SecurityGroupId}`,
        }));
        return { TotalCount: ids.length, PageNumber: page, PageSize: size, SecurityGroups: { SecurityGroup: items } };
      }
      const groupId = params.SecurityGroupId as string;
      const second = params.NextToken === 'second';
      return {
        SecurityGroupId: groupId,
        InnerAccessPolicy: 'Drop',
        NextToken: second ? '' : 'second',
        Permissions: { Permission: [rule(groupId, second ? 2 : 1, second ? 'egress' : 'ingress')] },
      };
    } finally {
      inFlight--;
    }
  }) as unknown as EcsClient['call'];
  return { ids, call, seen, maxInFlight: () => maxInFlight };
}

function summaries(body: Buffer): SecurityGroupSummary[] {
  return (JSON.parse(body.toString()) as { securityGroups: SecurityGroupSummary[] }).securityGroups;
}

describe('the security-group listing kind', () => {
  it('asks every group for all its rules and follows their NextToken pages', async () => {
    const region = fakeRegion(120);
    const listing = await listRegion(SECURITY_GROUP_LIST, region.call, REGION, 8);
    const groups = summaries(listing.body());
    expect(groups.map((group) => group.SecurityGroupId)).toEqual(region.ids);
    expect(groups[0]).toMatchObject({ InnerAccessPolicy: 'Drop' });
    expect(groups[0]!.Permissions.map((permission) => permission.Direction)).toEqual(['ingress', 'egress']);
    const attributeCalls = region.seen.filter((seen) => seen.action === 'DescribeSecurityGroupAttribute');
    expect(attributeCalls).toHaveLength(2 * 120);
    expect(attributeCalls.every((seen) => seen.params.Direction === 'all' && seen.params.RegionId === REGION)).toBe(
      true,
    );
  });

  it.each([1, 4, 16])('has at most %i calls in flight, pages and rule calls together', async (concurrency) => {
    const region = fakeRegion(160);
    await listRegion(SECURITY_GROUP_LIST, region.call, REGION, concurrency);
    expect(region.maxInFlight()).toBeLessThanOrEqual(concurrency);
    // The bound is used, not just respected: rule calls overlap pages and each other.
    if (concurrency > 1) expect(region.maxInFlight()).toBe(concurrency);
  });

  it('asks for a waiting page before the waiting rule calls, so the last groups are not left for the end', async () => {
    const region = fakeRegion(150);
    await listRegion(SECURITY_GROUP_LIST, region.call, REGION, 2);
    const order = region.seen.map((seen) => (seen.action === 'DescribeSecurityGroups' ? 'page' : 'rules'));
    // Page 1; its groups' first rule calls take the two free slots; pages 2 and 3 then go ahead of
    // the 48 rule calls still waiting (first come, first served would put them after those).
    expect(order.slice(0, 5).filter((call) => call === 'page')).toHaveLength(3);
  });

  it('fails with the first rule call that fails, and asks for no page after it', async () => {
    const region = fakeRegion(200, { action: 'DescribeSecurityGroupAttribute', code: 'Forbidden.RAM' });
    await expect(listRegion(SECURITY_GROUP_LIST, region.call, REGION, 2)).rejects.toMatchObject({
      code: 'Forbidden.RAM',
      requestId: 'req-failed',
    });
    const pages = region.seen.filter((seen) => seen.action === 'DescribeSecurityGroups');
    expect(pages.length).toBeLessThan(4);
  });

  it('leaves out a group ECS no longer has when its rules are asked for', async () => {
    const region = fakeRegion(60, {
      action: 'DescribeSecurityGroupAttribute',
      groupId: 'sg-fake0007',
      code: 'InvalidSecurityGroupId.NotFound',
    });
    const listing = await listRegion(SECURITY_GROUP_LIST, region.call, REGION, 4);
    expect(listing.totalCount).toBe(59);
    expect(summaries(listing.body()).map((group) => group.SecurityGroupId)).toEqual(
      region.ids.filter((id) => id !== 'sg-fake0007'),
    );
  });
});
