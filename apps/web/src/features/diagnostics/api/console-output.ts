import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ConsoleOutputAnswer } from '@ecs-console/contract';
import { apiFetch } from '@/lib/api-client';
import { instancePath } from './instance-path';

export function getConsoleOutput(
  regionId: string,
  instanceId: string,
  signal?: AbortSignal,
): Promise<ConsoleOutputAnswer> {
  // Escape sequences are kept so the viewer can show colours; it strips them itself when asked.
  return apiFetch<ConsoleOutputAnswer>(`${instancePath(regionId, instanceId)}/console-output?removeSymbols=false`, {
    signal,
  });
}

export function consoleOutputQueryOptions(regionId: string, instanceId: string) {
  return queryOptions({
    queryKey: ['consoleOutput', regionId, instanceId],
    queryFn: ({ signal }) => getConsoleOutput(regionId, instanceId, signal),
    refetchOnWindowFocus: false,
    retry: false,
  });
}

export function useConsoleOutput(regionId: string, instanceId: string, enabled: boolean) {
  return useQuery({ ...consoleOutputQueryOptions(regionId, instanceId), enabled });
}
