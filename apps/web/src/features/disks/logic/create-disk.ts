import { sizeRange, type PerformanceLevel, type SizeRange, type SnapshotSummary } from '@ecs-console/contract';
import type { CreateDiskRequest, Zone } from '@ecs-console/ecs-client';
import {
  tagParameter,
  tagsAreValid,
  validateDescription,
  validateResourceName,
  validateTags,
  type DescriptionError,
  type NameError,
  type TagDraft,
  type TagErrors,
} from '@/lib/ecs-resource-rules';

/** What a new disk starts as: ESSD PL1 of 40 GiB, the Alibaba Cloud console's own default. */
export const DEFAULT_CATEGORY = 'cloud_essd';
export const DEFAULT_PERFORMANCE_LEVEL: PerformanceLevel = 'PL1';
export const DEFAULT_SIZE_GIB = 40;

/** A zone and the disk categories it offers for new disks. */
export interface ZoneOffer {
  readonly zoneId: string;
  readonly localName: string;
  readonly categories: readonly string[];
}

/** DescribeZones' zones as what each offers for a new disk. */
export function zoneOffers(zones: readonly Zone[]): ZoneOffer[] {
  return zones.map((zone) => ({
    zoneId: zone.ZoneId,
    localName: zone.LocalName,
    categories: zone.AvailableDiskCategories?.DiskCategories ?? [],
  }));
}

export function zoneOffersCategory(zones: readonly ZoneOffer[], zoneId: string, category: string): boolean {
  return zones.some((zone) => zone.zoneId === zoneId && zone.categories.includes(category));
}

/** The zones (in the region's order) where disks of `category` can be created. */
export function zonesOffering(zones: readonly ZoneOffer[], category: string): ZoneOffer[] {
  return zones.filter((zone) => zone.categories.includes(category));
}

/** The zone a new disk of `category` is put in unless the user chooses: the region's first that offers it. */
export function defaultZoneId(zones: readonly ZoneOffer[], category: string): string | undefined {
  return zonesOffering(zones, category)[0]?.zoneId;
}

/** Only ESSDs have performance levels; for them a missing one is PL1. */
export function levelFor(category: string, level: PerformanceLevel): PerformanceLevel | undefined {
  return category === 'cloud_essd' ? level : undefined;
}

/** Sizes (GiB) a new data disk of the category and level may have. */
export function newDiskSizeRange(category: string, level: PerformanceLevel): SizeRange {
  return sizeRange('data', category, levelFor(category, level));
}

/** GiB of the disk a snapshot was taken of (ECS sends it as a string). */
export function snapshotSizeGiB(snapshot: SnapshotSummary): number {
  return Number(snapshot.SourceDiskSize) || 0;
}

/**
 * The size the form shows until the user types one: 40 GiB, or more when the category's smallest
 * disk or the snapshot needs more.
 */
export function defaultSize(category: string, level: PerformanceLevel, snapshot: SnapshotSummary | undefined): number {
  const { min } = newDiskSizeRange(category, level);
  return Math.max(DEFAULT_SIZE_GIB, min, snapshot ? snapshotSizeGiB(snapshot) : 0);
}

/** A number as typed (a size in GiB, a number of days): a whole number, or null. */
export function parseWholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export interface CreateDiskForm {
  readonly zoneId: string | undefined;
  readonly category: string;
  readonly performanceLevel: PerformanceLevel;
  /** As typed. */
  readonly size: string;
  readonly snapshot: SnapshotSummary | undefined;
  readonly encrypted: boolean;
  readonly name: string;
  readonly description: string;
  readonly tags: readonly TagDraft[];
}

export type ZoneError = 'required' | 'categoryNotOffered';
export type SizeError = 'required' | 'notWhole' | 'outOfRange' | 'belowSnapshot';
export type SnapshotError = 'notReady' | 'tooLarge';

export interface CreateDiskErrors {
  readonly zone: ZoneError | null;
  readonly size: SizeError | null;
  readonly snapshot: SnapshotError | null;
  readonly name: NameError | null;
  readonly description: DescriptionError | null;
  readonly tags: TagErrors;
}

function validateZone(form: CreateDiskForm, zones: readonly ZoneOffer[]): ZoneError | null {
  if (!form.zoneId) return 'required';
  return zoneOffersCategory(zones, form.zoneId, form.category) ? null : 'categoryNotOffered';
}

function validateSize(form: CreateDiskForm, range: SizeRange): SizeError | null {
  if (form.size.trim() === '') return 'required';
  const size = parseWholeNumber(form.size);
  if (size === null) return 'notWhole';
  if (size < range.min || size > range.max) return 'outOfRange';
  if (form.snapshot && size < snapshotSizeGiB(form.snapshot)) return 'belowSnapshot';
  return null;
}

function validateSnapshot(snapshot: SnapshotSummary | undefined, range: SizeRange): SnapshotError | null {
  if (!snapshot) return null;
  if (snapshot.Status !== 'accomplished' || snapshot.Available === false) return 'notReady';
  return snapshotSizeGiB(snapshot) > range.max ? 'tooLarge' : null;
}

/** Everything ECS would refuse in the form, by field, checked against the region's zones. */
export function validateCreateDisk(form: CreateDiskForm, zones: readonly ZoneOffer[]): CreateDiskErrors {
  const range = newDiskSizeRange(form.category, form.performanceLevel);
  return {
    zone: validateZone(form, zones),
    size: validateSize(form, range),
    snapshot: validateSnapshot(form.snapshot, range),
    name: validateResourceName(form.name),
    description: validateDescription(form.description),
    tags: validateTags(form.tags),
  };
}

export function isCreateDiskValid(errors: CreateDiskErrors): boolean {
  const { tags, ...fields } = errors;
  return Object.values(fields).every((error) => error === null) && tagsAreValid(tags);
}

export type CreateDiskParams = CreateDiskRequest & { readonly RegionId: string };

/** The CreateDisk call for a valid form; a disk made from an encrypted snapshot is encrypted. */
export function createDiskRequest(form: CreateDiskForm, regionId: string, clientToken: string): CreateDiskParams {
  const level = levelFor(form.category, form.performanceLevel);
  const encrypted = form.encrypted || form.snapshot?.Encrypted === true;
  return {
    RegionId: regionId,
    ZoneId: form.zoneId,
    DiskCategory: form.category,
    ...(level ? { PerformanceLevel: level } : {}),
    Size: parseWholeNumber(form.size) ?? undefined,
    ...(form.snapshot ? { SnapshotId: form.snapshot.SnapshotId } : {}),
    DiskName: form.name,
    ...(form.description ? { Description: form.description } : {}),
    ...(encrypted ? { Encrypted: true } : {}),
    ...tagParameter(form.tags),
    ClientToken: clientToken,
  };
}

/** Snapshots a disk can be made from: finished and usable, newest first. */
export function sourceSnapshots(snapshots: readonly SnapshotSummary[]): SnapshotSummary[] {
  return snapshots
    .filter((snapshot) => snapshot.Status === 'accomplished' && snapshot.Available !== false)
    .toSorted((a, b) => b.CreationTime.localeCompare(a.CreationTime));
}
