import type { InstanceSummary, Role, SecurityGroupSummary } from '@ecs-console/contract';
import { screen } from '@testing-library/react';
import { SecurityGroupsPage } from '@/features/security-groups';
import { makeEgressPermission, makeInstance, makePermission, makeSecurityGroup } from '../fixtures';
import { stubApi } from './fetch-stub';
import { groupPageLists, REGION } from './group-detail-support';
import { makeSession, renderInConsole, type ConsoleRender } from './render';

export { GROUPS_PATH, INSTANCES_PATH, REGION } from './group-detail-support';

/** The BFF's security-group and instance lists, as `stubApi` routes. */
export const groupLists = (groups: () => readonly SecurityGroupSummary[], instances: readonly InstanceSummary[]) =>
  groupPageLists(groups, () => instances);

/** A web group (SSH open to the world: one high finding) with two instances, and an advanced database group. */
export const webGroup = makeSecurityGroup({
  SecurityGroupId: 'sg-web',
  SecurityGroupName: 'web',
  Description: 'public web tier',
  Permissions: [
    makePermission({ SecurityGroupRuleId: 'sgr-ssh', PortRange: '22/22' }),
    makePermission({ SecurityGroupRuleId: 'sgr-http', PortRange: '80/80' }),
    makeEgressPermission({ SecurityGroupRuleId: 'sgr-out', IpProtocol: 'ALL', PortRange: '-1/-1' }),
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
