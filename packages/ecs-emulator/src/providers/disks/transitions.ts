import type { Store } from '../../store/store.js';
import type { DiskStatus } from '../../store/types.js';

// Transitions -----------------------------------------------------------------------------------

/**
 * Creating → Available (or In_use when created attached), Attaching → In_use, Detaching →
 * Available (the disk leaves the instance), ReIniting → In_use.
 */
export function registerDiskTransitions(store: Store): void {
  store.onTransition('disk', (disk, transition) => {
    const from = disk.Status;
    disk.Status = transition.to as DiskStatus;
    if (transition.to === 'In_use' && (from === 'Attaching' || from === 'Creating')) {
      disk.attachedAt = transition.at;
      disk.everAttached = true;
    }
    if (from === 'Detaching') {
      disk.InstanceId = '';
      disk.Device = '';
      disk.detachedAt = transition.at;
      disk.DeleteWithInstance = false;
    }
  });
}
