import { useCallback, useEffect } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useCurrentSession } from './session';
import { searchWith } from './url-state';
import { userStorageKey, useStoredValue } from './stored-value';

/** A list's region lives in its address (`?region=`), so a copied link opens the same region. */
export const REGION_PARAM = 'region';

// ECS region IDs (`cn-hangzhou`, `ap-southeast-1`, `us-east-1`): anything else in a URL is ignored.
const REGION_ID = /^[a-z]{2,}(-[a-z0-9]+){1,4}$/;

function parseRegionId(stored: unknown): string | undefined {
  return typeof stored === 'string' && REGION_ID.test(stored) ? stored : undefined;
}

function useStoredRegion() {
  const { user } = useCurrentSession();
  return useStoredValue(userStorageKey(user.username, 'region'), parseRegionId);
}

/**
 * The region the user works in: the address's `?region=` when it names one, else the last region
 * the user worked in (remembered per user in localStorage), else the backend's default region.
 * Every component using it sees the same value.
 */
export function useSelectedRegion(): [regionId: string, setRegionId: (regionId: string) => void] {
  const { backend } = useCurrentSession();
  const [searchParams] = useSearchParams();
  const [stored, setStored] = useStoredRegion();
  return [parseRegionId(searchParams.get(REGION_PARAM)) ?? stored ?? backend.defaultRegion, setStored];
}

/**
 * The region of a list page. The address always names it (added, replacing the entry, when it does
 * not), so the address can be shared as it is; and the region shown becomes the user's last region,
 * the default of the next list opened without one.
 */
export function useListRegion(): string {
  const [regionId, remember] = useSelectedRegion();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const [stored] = useStoredRegion();
  const inAddress = parseRegionId(new URLSearchParams(search).get(REGION_PARAM)) === regionId;
  useEffect(() => {
    if (!inAddress) {
      const next = searchWith(new URLSearchParams(search), REGION_PARAM, regionId);
      void navigate({ pathname, search: next }, { replace: true, preventScrollReset: true });
    }
    if (stored !== regionId) remember(regionId);
  }, [inAddress, navigate, pathname, regionId, remember, search, stored]);
  return regionId;
}

/**
 * Switches region from the top bar: remembered as the user's region, and the page follows. A list
 * opens the new region afresh (its filter, sort and page belong to the old one), as a new history
 * entry so Back returns to the old region's view; an instance page belongs to its region, so it
 * gives way to the new region's instance list.
 */
export function useChooseRegion(): (regionId: string) => void {
  const [, remember] = useStoredRegion();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  return useCallback(
    (regionId: string) => {
      remember(regionId);
      const region = `?${REGION_PARAM}=${encodeURIComponent(regionId)}`;
      if (pathname.startsWith('/instances/')) void navigate(`/instances${region}`);
      else if (new URLSearchParams(search).has(REGION_PARAM)) void navigate(`${pathname}${region}`);
    },
    [navigate, pathname, remember, search],
  );
}
