import { apiError, invalidParameter } from '../../protocol/errors.js';
import type { RequestParams } from './params.js';

/** Filters several Describe calls share. */

/** `*` wildcard matching as ECS does for InstanceName and similar filters. */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  if (!pattern.includes('*')) return (value) => value === pattern;
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 's');
  return (value) => regex.test(value);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `YYYY-MM-DDThh:mmZ` as documented; seconds are accepted too. NaN for anything else. */
export function parseFilterTime(value: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(value) ? Date.parse(value) : NaN;
}

/**
 * The `Filter.N` creation-time window of Describe calls (`CreationStartTime`, `CreationEndTime`,
 * `yyyy-MM-ddTHH:mmZ` in UTC); undefined when no filter is sent.
 */
export function creationTimeMatcher(params: RequestParams): ((createdAt: number) => boolean) | undefined {
  const filters = params.objectList('Filter');
  if (filters.length === 0) return undefined;
  let start = -Infinity;
  let end = Infinity;
  filters.forEach((filter, index) => {
    const { Key: key, Value: value } = filter;
    if (key !== 'CreationStartTime' && key !== 'CreationEndTime') {
      throw apiError(404, 'InvalidFilterKey.NotFound', `The specified filter key "${key ?? ''}" is not supported.`);
    }
    if (value === undefined || value === '') return;
    const time = parseFilterTime(value);
    if (Number.isNaN(time))
      throw invalidParameter(`Filter.${index + 1}.Value`, 'not a time in yyyy-MM-ddTHH:mmZ format');
    if (key === 'CreationStartTime') start = time;
    else end = time;
  });
  return (createdAt) => createdAt >= start && createdAt <= end;
}
