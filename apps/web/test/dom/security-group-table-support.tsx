import type { InstanceSummary, Role, SecurityGroupSummary } from '@ecs-console/contract';
import { screen } from '@testing-library/react';
import { SecurityGroupsPage } from '@/features/security-groups';
import { makeInstance, makePermission, makeSecurityGroup } from '../fixtures';
import { stubApi, type SentRequest } from './fetch-stub';
import { makeSession, renderInConsole, type ConsoleRender } from './render';

export const REGION = 'cn-hangzhou';
export const GROUPS_PATH = `GET /api/regions/${REGION}/security-groups`;
export const INSTANCES_PATH = `GET /api/regions/${REGION}/instances`;

/** A region list route answering whole or by `?ids=`, from the items current when asked. */
function listRoute<T>(key: string, idOf: (item: T) => string, items: () => readonly T[]) {
  return (request: SentRequest) => {
    const ids = new URL(request.path, 'http://console.test').searchParams.get('ids');
    if (ids === null) {
      const all = items();
      return Response.json({
        regionId: REGION,
        [key]: all,
        totalCount: all.length,
        pages: 1,
        fetchedAt: '2026-11-30T10:00:00Z',
        version: 'v1',
      });
    }
    const requestedIds = ids.split(',');
    return Response.json({
      regionId: REGION,
      [key]: items().filter((item) => requestedIds.includes(idOf(item))),
      requestedIds,
      fetchedAt: '2026-11-30T10:00:05Z',
    });
  };
}

/** The BFF's security-group and instance lists, as `stubApi` routes. */
export function groupLists(groups: () => readonly SecurityGroupSummary[], instances: readonly InstanceSummary[]) {
  return {
    [GROUPS_PATH]: listRoute('securityGroups', (group: SecurityGroupSummary) => group.SecurityGroupId, groups),
    [INSTANCES_PATH]: listRoute(
      'instances',
      (instance: InstanceSummary) => instance.InstanceId,
      () => instances,
    ),
  };
}

/** A web group (SSH open to the world: one high finding) with two instances, and an advanced database group. */
export const webGroup = makeSecurityGroup({
  SecurityGroupId: 'sg-web',
  SecurityGroupName: 'web',
  Description: 'public web tier',
  Permissions: [
    makePermission({ SecurityGroupRuleId: 'sgr-ssh', PortRange: '22/22' }),
    makePermission({ SecurityGroupRuleId: 'sgr-http', PortRange: '80/80' }),
    makePermission({
      SecurityGroupRuleId: 'sgr-out',
      Direction: 'egress',
      IpProtocol: 'ALL',
      PortRange: '-1/-1',
      SourceCidrIp: '',
      DestCidrIp: '0.0.0.0/0',
    }),
  ],
  tags: { env: 'prod' },
});
export const dbGroup = makeSecurityGroup({
  SecurityGroupId: 'sg-db',
  SecurityGroupName: 'db',
  SecurityGroupType: 'enterprise',
  VpcId: 'vpc-data',
  InnerAccessPolicy: 'Drop',
  Permissions: [
    makePermission({
      SecurityGroupRuleId: 'sgr-db',
      PortRange: '3306/3306',
      SourceCidrIp: '',
      SourceGroupId: 'sg-web',
    }),
  ],
});
export const spareGroup = makeSecurityGroup({ SecurityGroupId: 'sg-spare', SecurityGroupName: 'spare' });
export const instances = [
  makeInstance({ InstanceId: 'i-web1', InstanceName: 'web-1', SecurityGroupIds: { SecurityGroupId: ['sg-web'] } }),
  makeInstance({ InstanceId: 'i-web2', InstanceName: 'web-2', SecurityGroupIds: { SecurityGroupId: ['sg-web'] } }),
];

/** The Security groups page on the stubbed BFF, once its first group is listed. */
export async function renderGroupsPage(
  routes: Parameters<typeof stubApi>[0],
  { role = 'admin', firstId = 'sg-web' }: { role?: Role; firstId?: string } = {},
): Promise<ConsoleRender & { readonly api: ReturnType<typeof stubApi> }> {
  const api = stubApi(routes);
  const rendered = renderInConsole(<SecurityGroupsPage />, {
    session: makeSession(role),
    initialUrl: `/security-groups?region=${REGION}`,
  });
  await screen.findByRole('link', { name: firstId });
  return { api, ...rendered };
}

export const rowOf = (id: string) => screen.getByRole('link', { name: id }).closest('tr') as HTMLElement;
