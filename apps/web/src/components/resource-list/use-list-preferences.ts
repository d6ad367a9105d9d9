import { useCurrentSession } from '@/lib/session';
import { userStorageKey, useStoredValue } from '@/lib/stored-value';
import type { ListPreferencesModel, TablePreferences } from './list-preferences';

/** A list's preferences, remembered per user in this browser under `name`. */
export function useListPreferences<C extends string>(
  name: string,
  model: ListPreferencesModel<C>,
): [TablePreferences<C>, (preferences: TablePreferences<C>) => void] {
  const { user } = useCurrentSession();
  return useStoredValue(userStorageKey(user.username, name), model.parse);
}
