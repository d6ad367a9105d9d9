import { INSTANCE_LIST } from '@/lib/region-list';

/** The console's address of an instance's page (the region list knows it, so other features link to it too). */
export const instanceHref: (regionId: string, instanceId: string) => string = INSTANCE_LIST.pagePath;
