import type { RegionRecord, ZoneRecord } from '../store/types.js';

/** The regions the emulator serves, with their zones (at least four, as the issue asks). */
export interface RegionCatalogEntry {
  readonly region: RegionRecord;
  readonly zones: readonly ZoneRecord[];
}

const GENERAL_TYPES = [
  'ecs.g7.large',
  'ecs.g7.xlarge',
  'ecs.g7.2xlarge',
  'ecs.g7.4xlarge',
  'ecs.c7.large',
  'ecs.c7.xlarge',
  'ecs.c7.2xlarge',
  'ecs.r7.large',
  'ecs.r7.xlarge',
  'ecs.r7.2xlarge',
  'ecs.t6-c1m2.large',
  'ecs.t6-c1m4.large',
  'ecs.g8i.xlarge',
];
const DISK_CATEGORIES = ['cloud_efficiency', 'cloud_ssd', 'cloud_essd', 'cloud_auto', 'cloud_essd_entry'];

/**
 * A zone offering the general instance types and disk categories, less `notOffered`: as on ECS, not
 * every zone sells every category (DescribeZones' AvailableDiskCategories, which CreateDisk checks).
 */
function zone(ZoneId: string, LocalName: string, notOffered: readonly string[] = []): ZoneRecord {
  const diskCategories = DISK_CATEGORIES.filter((category) => !notOffered.includes(category));
  return { ZoneId, LocalName, instanceTypes: GENERAL_TYPES, diskCategories };
}

export const REGION_CATALOG: readonly RegionCatalogEntry[] = [
  {
    region: {
      RegionId: 'cn-hangzhou',
      LocalName: 'China (Hangzhou)',
      RegionEndpoint: 'ecs.cn-hangzhou.aliyuncs.com',
      Status: 'available',
    },
    zones: [
      zone('cn-hangzhou-h', 'Hangzhou Zone H'),
      zone('cn-hangzhou-i', 'Hangzhou Zone I', ['cloud_essd_entry']),
      zone('cn-hangzhou-j', 'Hangzhou Zone J', ['cloud_ssd']),
    ],
  },
  {
    region: {
      RegionId: 'cn-shanghai',
      LocalName: 'China (Shanghai)',
      RegionEndpoint: 'ecs.cn-shanghai.aliyuncs.com',
      Status: 'available',
    },
    zones: [
      zone('cn-shanghai-e', 'Shanghai Zone E'),
      zone('cn-shanghai-f', 'Shanghai Zone F'),
      zone('cn-shanghai-g', 'Shanghai Zone G', ['cloud_ssd', 'cloud_essd_entry']),
    ],
  },
  {
    region: {
      RegionId: 'ap-southeast-1',
      LocalName: 'Singapore',
      RegionEndpoint: 'ecs.ap-southeast-1.aliyuncs.com',
      Status: 'available',
    },
    zones: [
      zone('ap-southeast-1a', 'Singapore Zone A'),
      zone('ap-southeast-1b', 'Singapore Zone B'),
      zone('ap-southeast-1c', 'Singapore Zone C', ['cloud_ssd']),
    ],
  },
  {
    region: {
      RegionId: 'eu-central-1',
      LocalName: 'Germany (Frankfurt)',
      RegionEndpoint: 'ecs.eu-central-1.aliyuncs.com',
      Status: 'available',
    },
    zones: [zone('eu-central-1a', 'Frankfurt Zone A'), zone('eu-central-1b', 'Frankfurt Zone B')],
  },
  {
    region: {
      RegionId: 'us-west-1',
      LocalName: 'US (Silicon Valley)',
      RegionEndpoint: 'ecs.us-west-1.aliyuncs.com',
      Status: 'available',
    },
    zones: [zone('us-west-1a', 'Silicon Valley Zone A'), zone('us-west-1b', 'Silicon Valley Zone B')],
  },
];

export interface InstanceTypeSpec {
  readonly family: string;
  readonly cpu: number;
  /** MiB. */
  readonly memory: number;
}

/** vCPU and memory of the instance types the emulator offers. */
export const INSTANCE_TYPES: Readonly<Record<string, InstanceTypeSpec>> = {
  'ecs.g7.large': { family: 'ecs.g7', cpu: 2, memory: 8192 },
  'ecs.g7.xlarge': { family: 'ecs.g7', cpu: 4, memory: 16384 },
  'ecs.g7.2xlarge': { family: 'ecs.g7', cpu: 8, memory: 32768 },
  'ecs.g7.4xlarge': { family: 'ecs.g7', cpu: 16, memory: 65536 },
  'ecs.c7.large': { family: 'ecs.c7', cpu: 2, memory: 4096 },
  'ecs.c7.xlarge': { family: 'ecs.c7', cpu: 4, memory: 8192 },
  'ecs.c7.2xlarge': { family: 'ecs.c7', cpu: 8, memory: 16384 },
  'ecs.r7.large': { family: 'ecs.r7', cpu: 2, memory: 16384 },
  'ecs.r7.xlarge': { family: 'ecs.r7', cpu: 4, memory: 32768 },
  'ecs.r7.2xlarge': { family: 'ecs.r7', cpu: 8, memory: 65536 },
  'ecs.t6-c1m2.large': { family: 'ecs.t6', cpu: 2, memory: 4096 },
  'ecs.t6-c1m4.large': { family: 'ecs.t6', cpu: 2, memory: 8192 },
  'ecs.g8i.xlarge': { family: 'ecs.g8i', cpu: 4, memory: 16384 },
};

export interface ImageSpec {
  readonly ImageId: string;
  readonly OSName: string;
  readonly OSNameEn: string;
  readonly OSType: 'linux' | 'windows';
  /** Smallest system disk, GiB. */
  readonly minDiskSize: number;
}

export const IMAGES: readonly ImageSpec[] = [
  {
    ImageId: 'aliyun_3_x64_20G_alibase_20240819.vhd',
    OSName: 'Alibaba Cloud Linux  3.2104 LTS 64位',
    OSNameEn: 'Alibaba Cloud Linux  3.2104 LTS 64 bit',
    OSType: 'linux',
    minDiskSize: 20,
  },
  {
    ImageId: 'ubuntu_22_04_x64_20G_alibase_20240710.vhd',
    OSName: 'Ubuntu  22.04 64位',
    OSNameEn: 'Ubuntu  22.04 64 bit',
    OSType: 'linux',
    minDiskSize: 20,
  },
  {
    ImageId: 'debian_12_6_x64_20G_alibase_20240717.vhd',
    OSName: 'Debian  12.6 64位',
    OSNameEn: 'Debian  12.6 64 bit',
    OSType: 'linux',
    minDiskSize: 20,
  },
  {
    ImageId: 'centos_7_9_x64_20G_alibase_20240628.vhd',
    OSName: 'CentOS  7.9 64位',
    OSNameEn: 'CentOS  7.9 64 bit',
    OSType: 'linux',
    minDiskSize: 20,
  },
  {
    ImageId: 'win2022_21H2_x64_dtc_en-us_40G_alibase_20240716.vhd',
    OSName: 'Windows Server  2022 数据中心版 64位英文版',
    OSNameEn: 'Windows Server  2022 Datacenter 64-bit (English)',
    OSType: 'windows',
    minDiskSize: 40,
  },
  {
    ImageId: 'win2019_1809_x64_dtc_en-us_40G_alibase_20240716.vhd',
    OSName: 'Windows Server  2019 数据中心版 64位英文版',
    OSNameEn: 'Windows Server  2019 Datacenter 64-bit (English)',
    OSType: 'windows',
    minDiskSize: 40,
  },
];

export function imageById(imageId: string): ImageSpec | undefined {
  return IMAGES.find((image) => image.ImageId === imageId);
}
