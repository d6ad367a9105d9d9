import type { InstanceSummary, SecurityGroupSummary } from '@ecs-console/contract';
import { configure, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { vi, type Mock } from 'vitest';
import { rulesOf } from '@/features/security-groups/logic/rules';
import { SECURITY_GROUP_LIST, useRegionList } from '@/lib/region-list';
import { makeInstance } from '../fixtures';
import { group } from '../sg-rules-builders';
import { apiError, stubApi, type SentRequest } from './fetch-stub';
import { GROUPS_PATH, groupPageLists, REGION } from './group-detail-support';
import { renderInConsole, type ConsoleRender } from './render';

// Cloudscape modals take a while to render on a busy machine; waits end as soon as their condition holds.
configure({ asyncUtilTimeout: 10_000 });

export { ok, REGION } from './group-detail-support';

/** The group the rule dialogs act on: web, in vpc-1, with two inbound rules and one outbound. */
export const webGroup: SecurityGroupSummary = {
  ...group('sg-web', [
    { id: 'sgr-ssh', peer: '10.0.0.0/8', priority: 1 },
    { id: 'sgr-http', ports: '80/80', priority: 10 },
    { id: 'sgr-out', direction: 'egress', protocol: 'ALL', peer: '0.0.0.0/0' },
  ]),
  SecurityGroupName: 'web',
};
/** The web group's rules, as the dialogs are given them. */
export const webRules = rulesOf(webGroup);
export const dbGroup: SecurityGroupSummary = { ...group('sg-db', []), SecurityGroupName: 'db' };
export const farGroup: SecurityGroupSummary = { ...group('sg-far', []), SecurityGroupName: 'far', VpcId: 'vpc-2' };

/** `count` instances in the web group (and one outside it). */
export function members(count: number): InstanceSummary[] {
  const inside = Array.from({ length: count }, (_, index) =>
    makeInstance({
      InstanceId: `i-web${index + 1}`,
      InstanceName: `web-${index + 1}`,
      SecurityGroupIds: { SecurityGroupId: ['sg-web'] },
    }),
  );
  const outside = makeInstance({
    InstanceId: 'i-db1',
    InstanceName: 'db-1',
    SecurityGroupIds: { SecurityGroupId: ['sg-db'] },
  });
  return [...inside, outside];
}

type Answer = (request: SentRequest) => Response | Promise<Response>;

/** The BFF as the rule dialogs see it: the region's groups and instances, and the given ECS actions. */
export function stubRuleApi({
  instances = members(2),
  groups = [webGroup, dbGroup, farGroup],
  ecs = {},
}: {
  instances?: readonly InstanceSummary[];
  groups?: readonly SecurityGroupSummary[];
  ecs?: Record<string, Answer>;
}) {
  return stubApi({
    ...groupPageLists(
      () => groups,
      () => instances,
    ),
    ...Object.fromEntries(Object.entries(ecs).map(([action, answer]) => [`POST /api/ecs/${action}`, answer])),
  });
}

export const refuse = (code: string, message: string, requestId: string) => () =>
  apiError(400, code, message, requestId);

/** The requests the group's refresh sent (by ID, after a write). */
export const groupRefreshes = (api: ReturnType<typeof stubApi>) =>
  api.to(GROUPS_PATH).filter((request) => request.path.includes('ids=sg-web'));

export const dialog = () => screen.getByRole('dialog');
export const ruleRow = (index: number) => within(dialog()).getByRole('group', { name: `Rule ${index}` });

/** Picks `option` in the Select showing `current` inside `container`. */
export async function choose(user: UserEvent, container: HTMLElement, current: RegExp, option: RegExp) {
  await user.click(within(container).getByRole('button', { name: current }));
  await user.click(await screen.findByRole('option', { name: option }));
}

/** Keeps the region's groups loaded, as the group page does, so a write's refresh of its group can be seen. */
export function GroupListObserver() {
  const list = useRegionList(SECURITY_GROUP_LIST, REGION);
  return <output aria-label="Groups listed">{list.data?.securityGroups.length ?? '-'}</output>;
}

/** Renders a rule dialog, with a spy as its `onDismiss`. */
export function renderRuleDialog(
  dialogWith: (onDismiss: () => void) => ReactElement,
): ConsoleRender & { readonly onDismiss: Mock<() => void> } {
  const onDismiss = vi.fn<() => void>();
  return { ...renderInConsole(dialogWith(onDismiss)), onDismiss };
}
