import { auditPaging } from './suites/audit.js';
import { clientVsPopCore } from './suites/client-vs-pop-core.js';
import { clientVsUndici } from './suites/client-vs-undici.js';
import { diskList } from './suites/disk-list.js';
import { emulatorPages } from './suites/emulator-pages.js';
import { filterLatency } from './suites/filter-latency.js';
import { fleetSharing } from './suites/fleet-sharing.js';
import { fleetThroughBff } from './suites/fleet-through-bff.js';
import { refreshBytes } from './suites/refresh-bytes.js';
import { securityGroupList } from './suites/security-group-list.js';
import { storageLatency } from './suites/storage-latency.js';
import { wireSize } from './suites/wire-size.js';

/**
 * `pnpm bench [suite ...]`: runs every suite (or the named ones). Each prints ratios against a
 * baseline measured in the same run, because absolute times drift on shared machines.
 */
const suites: Record<string, () => Promise<void>> = {
  client: async () => {
    await clientVsUndici();
    await clientVsPopCore();
  },
  emulator: emulatorPages,
  fleet: fleetThroughBff,
  'fleet-sharing': fleetSharing,
  disks: diskList,
  'security-groups': securityGroupList,
  wire: wireSize,
  filter: filterLatency,
  refresh: refreshBytes,
  audit: auditPaging,
  'storage-latency': storageLatency,
};

const wanted = process.argv.slice(2).filter((arg) => arg !== '--');
const unknown = wanted.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; choose from ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
console.log(`Node ${process.version}, ${new Date().toISOString()}`);
for (const [name, suite] of Object.entries(suites)) {
  if (wanted.length === 0 || wanted.includes(name)) await suite();
}
