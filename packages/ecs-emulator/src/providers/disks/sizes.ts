import type { DiskRecord } from '../../store/types.js';
import { PERFORMANCE_LEVELS, type PerformanceLevel } from './limits.js';

// Sizes and performance -------------------------------------------------------------------------

interface SizeRange {
  readonly min: number;
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

function performanceLevelOf(level: string): PerformanceLevel {
  return (PERFORMANCE_LEVELS as readonly string[]).includes(level) ? (level as PerformanceLevel) : 'PL1';
}

/** Sizes (GiB) a disk may have, by type, category and ESSD performance level (SDK CreateDisk/ResizeDisk). */
export function sizeRange(type: 'system' | 'data', category: string, level: string): SizeRange {
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

/** Baseline IOPS and throughput (MB/s) of a disk from its category and size. */
export function diskPerformance(disk: DiskRecord): { IOPS: number; Throughput: number } {
  // Basic disks offer a flat few hundred IOPS.
  if (disk.Category === 'cloud') return { IOPS: 300, Throughput: 30 };
  const key =
    disk.Category === 'cloud_essd' ? `cloud_essd:${performanceLevelOf(disk.PerformanceLevel)}` : disk.Category;
  const [maxIops, iopsPerGiB, maxThroughput, baseThroughput, throughputPerGiB] =
    PERFORMANCE_FORMULAS[key] ?? PERFORMANCE_FORMULAS.cloud_efficiency!;
  const iops = Math.min(maxIops, 1800 + iopsPerGiB * disk.Size);
  return {
    // AutoPL disks never drop below 3,000 IOPS.
    IOPS: disk.Category.endsWith('_auto') ? Math.max(3000, iops) : iops,
    Throughput: Math.floor(Math.min(maxThroughput, baseThroughput + throughputPerGiB * disk.Size)),
  };
}
