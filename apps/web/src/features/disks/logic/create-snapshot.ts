import type { DiskSummary } from '@ecs-console/contract';
import type { CreateSnapshotRequest } from '@ecs-console/ecs-client';
import { parseWholeNumber } from './create-disk';
import {
  NAME_MAX_LENGTH,
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

export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 65_536;

/** ECS keeps names starting with `auto` for its automatic snapshots. */
const AUTOMATIC_PREFIX = 'auto';

export type SnapshotNameError = NameError | 'auto';

/** Why ECS would refuse a snapshot name: the resource-name rules, and not starting with `auto`. */
export function validateSnapshotName(name: string): SnapshotNameError | null {
  return validateResourceName(name) ?? (name.startsWith(AUTOMATIC_PREFIX) ? 'auto' : null);
}

function stamp(now: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
}

/**
 * A name the user may keep: the disk's name (or ID) and the local time, e.g. `data-1-20261201-0130`;
 * `snapshot-20261201-0130` when that would break a rule (a disk named `autoscale…`).
 */
export function suggestedSnapshotName(disk: DiskSummary, now: Date): string {
  const suffix = `-${stamp(now)}`;
  const base = [...(disk.DiskName || disk.DiskId)].slice(0, NAME_MAX_LENGTH - suffix.length).join('');
  const name = `${base}${suffix}`;
  return validateSnapshotName(name) === null ? name : `snapshot${suffix}`;
}

export type RetentionError = 'required' | 'outOfRange';

export interface CreateSnapshotForm {
  readonly name: string;
  readonly description: string;
  /** Kept until deleted, or deleted after `retentionDays`. */
  readonly keepForever: boolean;
  /** As typed. */
  readonly retentionDays: string;
  readonly tags: readonly TagDraft[];
}

export interface CreateSnapshotErrors {
  readonly name: SnapshotNameError | null;
  readonly description: DescriptionError | null;
  readonly retentionDays: RetentionError | null;
  readonly tags: TagErrors;
}

function validateRetention(form: CreateSnapshotForm): RetentionError | null {
  if (form.keepForever) return null;
  if (form.retentionDays.trim() === '') return 'required';
  const days = parseWholeNumber(form.retentionDays);
  return days === null || days < RETENTION_DAYS_MIN || days > RETENTION_DAYS_MAX ? 'outOfRange' : null;
}

export function validateCreateSnapshot(form: CreateSnapshotForm): CreateSnapshotErrors {
  return {
    name: validateSnapshotName(form.name),
    description: validateDescription(form.description),
    retentionDays: validateRetention(form),
    tags: validateTags(form.tags),
  };
}

export function isCreateSnapshotValid(errors: CreateSnapshotErrors): boolean {
  const { tags, ...fields } = errors;
  return Object.values(fields).every((error) => error === null) && tagsAreValid(tags);
}

export type CreateSnapshotParams = CreateSnapshotRequest & { readonly RegionId: string };

export function createSnapshotRequest(
  form: CreateSnapshotForm,
  regionId: string,
  disk: DiskSummary,
  clientToken: string,
): CreateSnapshotParams {
  const days = form.keepForever ? null : parseWholeNumber(form.retentionDays);
  return {
    RegionId: regionId,
    DiskId: disk.DiskId,
    SnapshotName: form.name,
    ...(form.description ? { Description: form.description } : {}),
    ...(days !== null ? { RetentionDays: days } : {}),
    ...tagParameter(form.tags),
    ClientToken: clientToken,
  };
}
