import { useCurrentSession } from './session';
import { userStorageKey, useStoredValue } from './stored-value';

function parseRegionId(stored: unknown): string | undefined {
  return typeof stored === 'string' && stored !== '' ? stored : undefined;
}

/**
 * The region the user works in: remembered per user in localStorage, the backend's default region
 * until the user picks one. Every component using it sees the same value.
 */
export function useSelectedRegion(): [regionId: string, setRegionId: (regionId: string) => void] {
  const { user, backend } = useCurrentSession();
  const [stored, setStored] = useStoredValue(userStorageKey(user.username, 'region'), parseRegionId);
  return [stored ?? backend.defaultRegion, setStored];
}
