/**
 * ECS's published disk tables: which sizes each category takes and what performance a size gives.
 * One copy for the emulator (which enforces and reports them) and the SPA (which shows them before
 * a user creates or resizes a disk).
 */

export const PERFORMANCE_LEVELS = ['PL0', 'PL1', 'PL2', 'PL3'] as const;
export type PerformanceLevel = (typeof PERFORMANCE_LEVELS)[number];

/** Categories CreateDisk can make. */
export const CREATABLE_CATEGORIES = [
  'cloud',
  'cloud_efficiency',
  'cloud_ssd',
  'cloud_essd',
  'cloud_auto',
  'cloud_essd_entry',
  'cloud_regional_disk_auto',
  'elastic_ephemeral_disk_standard',
  'elastic_ephemeral_disk_premium',
] as const;

/** Every category DescribeDisks knows, including local disks. */
export const ALL_CATEGORIES = [
  ...CREATABLE_CATEGORIES,
  'local_ssd_pro',
  'local_hdd_pro',
  'ephemeral',
  'ephemeral_ssd',
] as const;

/** Categories that can grow without a restart (ResizeDisk Type=online). */
export const ONLINE_RESIZE_CATEGORIES: ReadonlySet<string> = new Set([
  'cloud_efficiency',
  'cloud_ssd',
  'cloud_essd',
  'elastic_ephemeral_disk_standard',
  'elastic_ephemeral_disk_premium',
]);

export interface SizeRange {
  /** GiB. */
  readonly min: number;
  /** GiB. */
  readonly max: number;
}

const ESSD_MIN_SIZE: Readonly<Record<PerformanceLevel, number>> = { PL0: 1, PL1: 20, PL2: 461, PL3: 1261 };

const DATA_DISK_SIZES: Readonly<Record<string, SizeRange>> = {
  cloud: { min: 5, max: 2000 },
  cloud_efficiency: { min: 20, max: 32768 },
  cloud_ssd: { min: 20, max: 32768 },
  cloud_auto: { min: 1, max: 65536 },
  cloud_essd_entry: { min: 10, max: 32768 },
  cloud_regional_disk_auto: { min: 10, max: 65536 },
  elastic_ephemeral_disk_standard: { min: 64, max: 8192 },
  elastic_ephemeral_disk_premium: { min: 64, max: 8192 },
};

/** An ESSD performance level; anything else (a missing one included) counts as PL1, ECS's default. */
export function performanceLevelOf(level: string | undefined): PerformanceLevel {
  return (PERFORMANCE_LEVELS as readonly string[]).includes(level ?? '') ? (level as PerformanceLevel) : 'PL1';
}

/** Sizes (GiB) a disk may have, by type, category and ESSD performance level (CreateDisk/ResizeDisk). */
export function sizeRange(type: 'system' | 'data', category: string, level: string | undefined): SizeRange {
  if (type === 'system') {
    if (category === 'cloud') return { min: 20, max: 500 };
    if (category === 'cloud_essd') return { min: ESSD_MIN_SIZE[performanceLevelOf(level)], max: 2048 };
    if (category === 'cloud_auto') return { min: 1, max: 2048 };
    return { min: 20, max: 2048 };
  }
  if (category === 'cloud_essd') return { min: ESSD_MIN_SIZE[performanceLevelOf(level)], max: 65536 };
  return DATA_DISK_SIZES[category] ?? { min: 20, max: 32768 };
}

/** Max IOPS, IOPS per GiB over 1,800, max throughput (MB/s), base MB/s, MB/s per GiB. */
type PerformanceFormula = readonly [number, number, number, number, number];

/** Alibaba's published baseline formulas, by category (ESSD by performance level). */
const PERFORMANCE_FORMULAS: Readonly<Record<string, PerformanceFormula>> = {
  cloud_efficiency: [5000, 8, 140, 100, 0.15],
  cloud_ssd: [25000, 30, 300, 120, 0.5],
  cloud_essd_entry: [6000, 8, 150, 100, 0.15],
  cloud_auto: [50000, 50, 350, 120, 0.5],
  cloud_regional_disk_auto: [50000, 50, 350, 120, 0.5],
  'cloud_essd:PL0': [10000, 12, 180, 100, 0.25],
  'cloud_essd:PL1': [50000, 50, 350, 120, 0.5],
  'cloud_essd:PL2': [100000, 50, 750, 120, 0.5],
  'cloud_essd:PL3': [1000000, 50, 4000, 120, 0.5],
};

export interface DiskPerformance {
  readonly IOPS: number;
  /** MB/s. */
  readonly Throughput: number;
}

/** Baseline IOPS and throughput (MB/s) of a disk of a category, performance level and size (GiB). */
export function diskPerformance(category: string, level: string | undefined, size: number): DiskPerformance {
  // Basic disks offer a flat few hundred IOPS.
  if (category === 'cloud') return { IOPS: 300, Throughput: 30 };
  const key = category === 'cloud_essd' ? `cloud_essd:${performanceLevelOf(level)}` : category;
  const [maxIops, iopsPerGiB, maxThroughput, baseThroughput, throughputPerGiB] =
    PERFORMANCE_FORMULAS[key] ?? PERFORMANCE_FORMULAS.cloud_efficiency!;
  const iops = Math.min(maxIops, 1800 + iopsPerGiB * size);
  return {
    // AutoPL disks never drop below 3,000 IOPS.
    IOPS: category.endsWith('_auto') ? Math.max(3000, iops) : iops,
    Throughput: Math.floor(Math.min(maxThroughput, baseThroughput + throughputPerGiB * size)),
  };
}
