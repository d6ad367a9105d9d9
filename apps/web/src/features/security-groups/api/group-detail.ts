import type { SecurityGroupSummary } from '@ecs-console/contract';
import { useQuery } from '@tanstack/react-query';
import { queryRequestOptions } from '@/lib/background-fetch';
import { getRegionListItems, SECURITY_GROUP_LIST } from '@/lib/region-list';
import { useSecurityGroupList } from './security-group-list';

export const groupByIdQueryKey = (regionId: string, groupId: string) =>
  ['security-group-by-id', regionId, groupId] as const;

export type GroupDetailState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown; readonly retry: () => void }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'found'; readonly group: SecurityGroupSummary };

/**
 * One group for its page, with the region's groups (which name the groups its rules refer to). It
 * comes from the region's group list, so every action's refresh (which folds the group it changed
 * into that list) reaches the page. A group the list does not have (created since the list was
 * fetched, or gone) is asked for by ID: the answer tells a new group from one that no longer exists.
 */
export function useGroupDetail(regionId: string, groupId: string) {
  const list = useSecurityGroupList(regionId);
  const fromList = list.data?.securityGroups.find((group) => group.SecurityGroupId === groupId);
  const askById = list.isSuccess && !fromList;
  const byId = useQuery({
    queryKey: groupByIdQueryKey(regionId, groupId),
    queryFn: async (context) =>
      (await getRegionListItems(SECURITY_GROUP_LIST, regionId, [groupId], queryRequestOptions(context)))
        .securityGroups[0] ?? null,
    enabled: askById,
    // Asked afresh each time the list loses the group: an older answer may be from before a deletion.
    staleTime: 0,
  });

  const state: GroupDetailState = fromList
    ? { kind: 'found', group: fromList }
    : list.isError
      ? { kind: 'failed', error: list.error, retry: () => void list.refetch() }
      : !askById || byId.isPending
        ? { kind: 'loading' }
        : byId.isError
          ? { kind: 'failed', error: byId.error, retry: () => void byId.refetch() }
          : byId.data
            ? { kind: 'found', group: byId.data }
            : { kind: 'notFound' };
  return { state, groups: list.data?.securityGroups };
}
