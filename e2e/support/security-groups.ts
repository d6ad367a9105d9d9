import { expect, type Page } from '@playwright/test';

/** What the security-group tests read of a rule in the console's list. */
export interface ListedRule {
  readonly SecurityGroupRuleId: string;
  readonly Direction: 'ingress' | 'egress';
  readonly IpProtocol: string;
  readonly PortRange: string;
  readonly SourceCidrIp: string;
  readonly Policy: string;
  readonly Priority: string;
  readonly Description: string;
}

/** What the security-group tests read of a group in the console's list. */
export interface ListedGroup {
  readonly SecurityGroupId: string;
  readonly SecurityGroupName: string;
  readonly VpcId: string;
  readonly Permissions: readonly ListedRule[];
}

/** Every security group of a region, with its rules, through the console's API with the page's session. */
export async function listGroups(page: Page, regionId = 'cn-hangzhou'): Promise<ListedGroup[]> {
  const response = await page.request.get(`/api/regions/${regionId}/security-groups`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { securityGroups: ListedGroup[] }).securityGroups;
}

/**
 * The group the predicate picks, once the console lists it so (a region's listing is shared for a
 * few seconds, so a change may take one more listing to show).
 */
export async function waitForGroup(
  page: Page,
  predicate: (group: ListedGroup) => boolean,
  regionId = 'cn-hangzhou',
): Promise<ListedGroup> {
  let found: ListedGroup | undefined;
  await expect
    .poll(
      async () => {
        found = (await listGroups(page, regionId)).find(predicate);
        return found !== undefined;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}

/** The console's address of a security group's page. */
export function groupPage(groupId: string, regionId = 'cn-hangzhou'): string {
  return `/security-groups/${regionId}/${groupId}`;
}
