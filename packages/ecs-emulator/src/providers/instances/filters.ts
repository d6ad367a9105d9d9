import { apiError, invalidParameter, missingParameter } from '../../protocol/errors.js';
import type { InstanceRecord } from '../../store/types.js';
import type { ActionContext } from '../kit/context.js';
import { parseFilterTime, wildcardMatcher } from '../kit/filters.js';
import { hasTags } from '../kit/tags.js';
import { FILTER_KEYS, LOCK_REASONS, POSTPAID_EXPIRED_TIME, STATUSES } from './limits.js';

export type InstanceFilter = (instance: InstanceRecord) => boolean;

/** One predicate per filter the request sends; an instance must pass them all (AND). */
export function instanceFilters(context: ActionContext): InstanceFilter[] {
  const { params } = context;
  const filters: InstanceFilter[] = [];
  const exact = (name: string, field: (instance: InstanceRecord) => string) => {
    const wanted = params.string(name);
    if (wanted !== undefined) filters.push((instance) => field(instance) === wanted);
  };
  exact('ZoneId', (i) => i.ZoneId);
  exact('VpcId', (i) => i.VpcId);
  exact('VSwitchId', (i) => i.VSwitchId);
  exact('ImageId', (i) => i.ImageId);
  exact('InstanceType', (i) => i.InstanceType);
  exact('InstanceTypeFamily', (i) => i.InstanceTypeFamily);
  exact('KeyPairName', (i) => i.KeyPairName);
  // No emulated instance belongs to a resource group or an HPC cluster.
  exact('ResourceGroupId', () => '');
  const hpcClusterId = params.string('HpcClusterId');
  if (hpcClusterId !== undefined) {
    throw apiError(400, 'InvalidHpcClusterId.NotFound', `The specified HpcClusterId "${hpcClusterId}" does not exist.`);
  }

  const securityGroupId = params.string('SecurityGroupId');
  if (securityGroupId !== undefined) filters.push((i) => i.SecurityGroupIds.includes(securityGroupId));
  const name = params.string('InstanceName');
  if (name !== undefined) {
    const matches = wildcardMatcher(name);
    filters.push((i) => matches(i.InstanceName));
  }
  filters.push(...enumFilters(context), ...listFilters(context), ...tagFilters(context), ...timeFilters(context));
  return filters;
}

function enumFilters({ params }: ActionContext): InstanceFilter[] {
  const filters: InstanceFilter[] = [];
  const status = params.oneOf('Status', STATUSES, { code: 'InvalidStatus.NotFound', status: 404 });
  if (status) filters.push((i) => i.Status === status);
  // Documents spell it both `vpc` and `VPC`.
  const networkType = params.oneOf('InstanceNetworkType', ['vpc', 'classic'], {
    code: 'InvalidNetworkType.NotFound',
    status: 404,
    caseInsensitive: true,
  });
  if (networkType) filters.push(() => networkType === 'vpc');
  const chargeType = params.oneOf('InstanceChargeType', ['PostPaid', 'PrePaid'], {
    code: 'InvalidInstanceChargeType.NotFound',
    status: 404,
  });
  if (chargeType) filters.push((i) => i.InstanceChargeType === chargeType);
  const internetChargeType = params.oneOf('InternetChargeType', ['PayByBandwidth', 'PayByTraffic'], {
    code: 'InvalidInternetChargeType.ValueNotSupported',
    status: 404,
  });
  if (internetChargeType) filters.push((i) => i.InternetChargeType === internetChargeType);
  // The request enum spells `Recycling`; locks read `recycling`.
  const lockReason = params.oneOf('LockReason', LOCK_REASONS, {
    code: 'InvalidLockReason.NotFound',
    status: 404,
    caseInsensitive: true,
  });
  if (lockReason)
    filters.push((i) => i.lockReasons.some((reason) => reason.toLowerCase() === lockReason.toLowerCase()));
  const ioOptimized = params.boolean('IoOptimized');
  if (ioOptimized !== undefined) filters.push(() => ioOptimized);
  return filters;
}

/** The JSON-array filters: IDs and addresses, up to 100 each; an empty array matches nothing. */
function listFilters({ params }: ActionContext): InstanceFilter[] {
  const filters: InstanceFilter[] = [];
  const inList = (name: string, field: (instance: InstanceRecord) => string | undefined) => {
    const values = params.jsonArray(name, { max: 100 });
    if (values === undefined) return;
    const wanted = new Set(values);
    filters.push((instance) => {
      const value = field(instance);
      return value !== undefined && wanted.has(value);
    });
  };
  inList('InstanceIds', (i) => i.InstanceId);
  inList('PrivateIpAddresses', (i) => i.PrivateIpAddress);
  inList('PublicIpAddresses', (i) => i.PublicIpAddress);
  inList('EipAddresses', (i) => i.EipAddress);
  // Inner IP addresses belong to classic-network instances, which the emulator does not have.
  inList('InnerIpAddresses', () => undefined);
  return filters;
}

/** Tag.N.Key/Value: every tag must be present; a key without a value matches any value. */
function tagFilters({ params }: ActionContext): InstanceFilter[] {
  const wanted = params.tags().filter((tag) => tag.Key !== '');
  return wanted.length === 0 ? [] : [(instance) => hasTags(instance.tags, wanted)];
}

/** Filter.N.Key/Value: creation and expiry windows, compared at ECS's minute precision. */
function timeFilters({ params }: ActionContext): InstanceFilter[] {
  return params.objectList('Filter').map((filter, index) => {
    const key = filter.Key ?? '';
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      throw apiError(404, 'InvalidFilterKey.NotFound', `The specified filter key "${key}" does not exist.`);
    }
    const bound = readFilterTime(filter.Value, `Filter.${index + 1}.Value`);
    const field = key.startsWith('Creation') ? (i: InstanceRecord) => i.createdAt : expiryOf;
    return key.endsWith('StartTime')
      ? (instance: InstanceRecord) => toMinute(field(instance)) >= bound
      : (instance: InstanceRecord) => toMinute(field(instance)) <= bound;
  });
}

/** `YYYY-MM-DDThh:mmZ` as documented; seconds are accepted too. */
function readFilterTime(value: string | undefined, name: string): number {
  if (value === undefined || value === '') throw missingParameter(name);
  const ms = parseFilterTime(value);
  if (Number.isNaN(ms)) throw invalidParameter(name, 'expected YYYY-MM-DDThh:mmZ');
  return toMinute(ms);
}

const toMinute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

export function expiryOf(instance: InstanceRecord): number {
  return instance.expiredAt ?? Date.parse(POSTPAID_EXPIRED_TIME);
}
