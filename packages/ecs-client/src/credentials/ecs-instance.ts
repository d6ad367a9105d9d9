import { readFileSync } from 'node:fs';

/** Where Linux exposes the machine's DMI (SMBIOS) strings. */
const DMI_DIR = '/sys/class/dmi/id';

/**
 * Whether this machine says it is an Alibaba Cloud ECS instance: ECS sets the DMI system vendor to
 * "Alibaba Cloud" (product "Alibaba Cloud ECS"). The default credential chain asks the instance
 * metadata service only then (or when `ALIBABA_CLOUD_ECS_METADATA` names a role), so a laptop, a
 * CI runner or another cloud never sends requests to 100.100.100.200. Reads two small files, once.
 */
export function looksLikeEcsInstance(dmiDir = DMI_DIR): boolean {
  for (const file of ['sys_vendor', 'product_name']) {
    try {
      if (/alibaba cloud/i.test(readFileSync(`${dmiDir}/${file}`, 'utf8'))) return true;
    } catch {
      // No DMI (Windows, macOS, containers without /sys): not detectable, so not assumed.
    }
  }
  return false;
}
