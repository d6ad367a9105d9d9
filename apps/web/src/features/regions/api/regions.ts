import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Region } from '@ecs-console/ecs-client';
import { callEcsAction, type RequestOptions } from '@/lib/api-client';
import { queryRequestOptions } from '@/lib/background-fetch';

/** ECS's `AcceptLanguage` for a console language: region names then come in the user's language. */
export function ecsAcceptLanguage(language: string): string {
  if (language.startsWith('zh')) return 'zh-CN';
  if (language.startsWith('ja')) return 'ja';
  return 'en-US';
}

/** The one action without a region: the BFF rejects a RegionId on it. */
export async function getRegions(acceptLanguage: string, options: RequestOptions = {}): Promise<readonly Region[]> {
  const response = await callEcsAction('DescribeRegions', { AcceptLanguage: acceptLanguage }, options);
  return response.Regions.Region;
}

export function regionsQueryOptions(acceptLanguage: string) {
  return queryOptions({
    queryKey: ['regions', acceptLanguage],
    queryFn: (context) => getRegions(acceptLanguage, queryRequestOptions(context)),
    // The list of regions changes a few times a year.
    staleTime: 60 * 60_000,
  });
}

export function useRegions(acceptLanguage: string) {
  return useQuery(regionsQueryOptions(acceptLanguage));
}
