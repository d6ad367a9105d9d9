import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { instancePath } from './instance-path';

export interface ConsoleOutput {
  readonly instanceId: string;
  /** The serial console's recent output, decoded UTF-8, escape sequences kept. */
  readonly text: string;
  readonly lastUpdateTime: string;
}

export function getConsoleOutput(regionId: string, instanceId: string, signal?: AbortSignal): Promise<ConsoleOutput> {
  // Escape sequences are kept so the viewer can show colours; it strips them itself when asked.
  return apiFetch<ConsoleOutput>(`${instancePath(regionId, instanceId)}/console-output?removeSymbols=false`, {
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
