import { useCurrentSession } from '@/lib/session';
import { userStorageKey, useStoredValue } from '@/lib/stored-value';
import { parseTablePreferences, type InstanceTablePreferences } from '../logic/table-preferences';

/** The instance table's preferences, remembered per user in this browser. */
export function useTablePreferences(): [InstanceTablePreferences, (preferences: InstanceTablePreferences) => void] {
  const { user } = useCurrentSession();
  return useStoredValue(userStorageKey(user.username, 'instances-table'), parseTablePreferences);
}
