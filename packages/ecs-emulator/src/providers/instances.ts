import { isoMinutes, isoSeconds } from '../clock.js';
import {
  consoleOutput,
  consoleScreen,
  consoleUpdatedAt,
  recordBoot,
  recordShutdown,
  removeSymbols,
  wakeDisplay,
} from '../console/screen.js';
import { renderScreenshot } from '../console/screenshot.js';
import { issueVncTicket } from '../console/vnc-tickets.js';
import { apiError, incorrectStatus, invalidParameter, missingParameter, notFound } from '../protocol/errors.js';
import type { Store } from '../store/store.js';
import type { DiskRecord, InstanceRecord, InstanceStatus, RegionState } from '../store/types.js';
import { regionOfResource, requireRegion, type ActionContext, type ActionHandler } from './kit/context.js';
import { cachedInstanceView } from './kit/instance-view-cache.js';
import { rejectSecurityLock, stopIfDryRun } from './kit/checks.js';
import { parseFilterTime, wildcardMatcher } from './kit/filters.js';
import { paginate, type PageLimits } from './kit/pagination.js';
import { checkPassword } from './kit/passwords.js';
import { hasTags } from './kit/tags.js';

/**
 * The instance actions (DIGEST §6.1, §7): listing and status, the power state machine
 * (Stopped → Starting → Running → Stopping → Stopped), release, attribute changes, and the
 * console actions (VNC URL and password, screenshot, serial output).
 */

// Emulated durations of the power transitions.
const START_MS = 15_000;
const STOP_MS = 10_000;
const FORCE_STOP_MS = 3_000;

/** Monitoring data reaches back 30 days; older running periods are forgotten. */
const RUNNING_HISTORY_MS = 30 * 86_400_000;

/** What ECS shows as the expiry of a pay-as-you-go instance. */
const POSTPAID_EXPIRED_TIME = '2099-12-31T15:59Z';

const STATUSES: readonly InstanceStatus[] = ['Pending', 'Starting', 'Running', 'Stopping', 'Stopped'];
const LOCK_REASONS = ['financial', 'security', 'Recycling', 'dedicatedhostfinancial', 'refunded'] as const;
const FILTER_KEYS = ['CreationStartTime', 'CreationEndTime', 'ExpiredStartTime', 'ExpiredEndTime'] as const;
const BURSTABLE_FAMILIES = ['ecs.t5', 'ecs.t6'];
const MAX_SECURITY_GROUPS_PER_INSTANCE = 5;
/** ECS limits user data to 32 KB before Base64 encoding (SDK; older documents said 16 KB). */
const MAX_USER_DATA_BYTES = 32 * 1024;

const DESCRIBE_INSTANCES_PAGES: PageLimits = {
  defaultPageSize: 10,
  maxPageSize: 100,
  tokens: { defaultMax: 10, minMax: 10, maxMax: 100 },
};
const DESCRIBE_INSTANCE_STATUS_PAGES: PageLimits = { defaultPageSize: 10, maxPageSize: 50 };

// Finding the instance and the checks every action shares ------------------------------------------

interface Located {
  readonly region: RegionState;
  readonly instance: InstanceRecord;
}

/** For actions that take InstanceId without a required RegionId (StartInstance, ...). */
function namedInstance(context: ActionContext): Located {
  const id = context.params.requiredString('InstanceId');
  const region = regionOfResource(context, id);
  const instance = region?.instances.get(id);
  if (!region || !instance) throw notFound('InvalidInstanceId.NotFound', 'InstanceId', id);
  return { region, instance };
}

/** For actions whose RegionId is required: the instance must be in that region. */
function instanceInRegion(context: ActionContext, missing: (id: string) => Error): Located {
  const region = requireRegion(context);
  const id = context.params.requiredString('InstanceId');
  const instance = region.instances.get(id);
  if (!instance) throw missing(id);
  return { region, instance };
}

const instanceNotFound = (id: string) => notFound('InvalidInstanceId.NotFound', 'InstanceId', id);

/** GetInstanceScreenshot and GetInstanceConsoleOutput document an unknown ID as 404 InvalidParameter. */
const invalidInstanceParameter = (id: string) =>
  apiError(404, 'InvalidParameter', `The specified parameter "InstanceId" (${id}) is not valid.`);

/** An expired or overdue instance carries the `financial` lock; each action names the error its own way. */
function rejectFinancialLock(instance: InstanceRecord, code: 'InstanceExpired' | 'InstanceExpiredOrInArrears'): void {
  if (instance.lockReasons.includes('financial')) {
    throw apiError(403, code, 'The specified operation is denied as your instance is expired or in arrears.');
  }
}

function requireStatus(instance: InstanceRecord, allowed: readonly InstanceStatus[], action: string): void {
  if (!allowed.includes(instance.Status)) {
    throw incorrectStatus('IncorrectInstanceStatus', 'instance', instance.Status, action);
  }
}

// DescribeInstances -------------------------------------------------------------------------------

type InstanceFilter = (instance: InstanceRecord) => boolean;

const describeInstances: ActionHandler = (context) => {
  const region = requireRegion(context);
  const filters = instanceFilters(context);
  stopIfDryRun(context.params);
  const all = region.instances.values();
  const matches = filters.length === 0 ? [...all] : [...all].filter((i) => filters.every((filter) => filter(i)));
  const page = paginate(matches, context.params, DESCRIBE_INSTANCES_PAGES);
  const views = page.items.map((instance) => cachedInstanceView(region, instance, renderInstance));
  return { ...page.fields, Instances: { Instance: views } };
};

/** One predicate per filter the request sends; an instance must pass them all (AND). */
function instanceFilters(context: ActionContext): InstanceFilter[] {
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

function expiryOf(instance: InstanceRecord): number {
  return instance.expiredAt ?? Date.parse(POSTPAID_EXPIRED_TIME);
}

/** The instance as DescribeInstances lists it: the full field set, lists wrapped as ECS wraps them. */
function renderInstance(region: RegionState, instance: InstanceRecord): Record<string, unknown> {
  const cpuThreads = instance.Cpu > 1 ? 2 : 1;
  return {
    InstanceId: instance.InstanceId,
    InstanceName: instance.InstanceName,
    Description: instance.Description,
    HostName: instance.HostName,
    ImageId: instance.ImageId,
    InstanceType: instance.InstanceType,
    InstanceTypeFamily: instance.InstanceTypeFamily,
    Cpu: instance.Cpu,
    Memory: instance.Memory,
    GPUAmount: 0,
    GPUSpec: '',
    OSName: instance.OSName,
    OSNameEn: instance.OSNameEn,
    OSType: instance.OSType,
    Status: instance.Status,
    RegionId: region.region.RegionId,
    ZoneId: instance.ZoneId,
    CreationTime: isoMinutes(instance.createdAt),
    StartTime: instance.startedAt === undefined ? '' : isoMinutes(instance.startedAt),
    ExpiredTime: instance.expiredAt === undefined ? POSTPAID_EXPIRED_TIME : isoMinutes(instance.expiredAt),
    AutoReleaseTime: '',
    InstanceChargeType: instance.InstanceChargeType,
    InternetChargeType: instance.InternetChargeType,
    InternetMaxBandwidthIn: -1,
    InternetMaxBandwidthOut: instance.InternetMaxBandwidthOut,
    InstanceNetworkType: 'vpc',
    IoOptimized: true,
    KeyPairName: instance.KeyPairName,
    SerialNumber: instance.SerialNumber,
    StoppedMode: instance.StoppedMode,
    SpotStrategy: 'NoSpot',
    SpotPriceLimit: 0,
    SpotDuration: 0,
    DeletionProtection: instance.DeletionProtection,
    Recyclable: false,
    DeviceAvailable: true,
    ResourceGroupId: '',
    CreditSpecification: instance.CreditSpecification,
    DeploymentSetId: '',
    LocalStorageAmount: 0,
    LocalStorageCapacity: 0,
    VlanId: '',
    ClusterId: '',
    HpcClusterId: '',
    PublicIpAddress: { IpAddress: instance.PublicIpAddress === undefined ? [] : [instance.PublicIpAddress] },
    InnerIpAddress: { IpAddress: [] },
    RdmaIpAddress: { IpAddress: [] },
    VpcAttributes: {
      VpcId: instance.VpcId,
      VSwitchId: instance.VSwitchId,
      NatIpAddress: '',
      PrivateIpAddress: { IpAddress: [instance.PrivateIpAddress] },
    },
    EipAddress: renderEip(instance),
    SecurityGroupIds: { SecurityGroupId: [...instance.SecurityGroupIds] },
    OperationLocks: { LockReason: instance.lockReasons.map((reason) => ({ LockReason: reason })) },
    Tags: { Tag: Object.entries(instance.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) },
    NetworkInterfaces: { NetworkInterface: [renderPrimaryNetworkInterface(instance)] },
    MetadataOptions: { HttpEndpoint: 'enabled', HttpTokens: 'optional', HttpPutResponseHopLimit: 1 },
    CpuOptions: { CoreCount: Math.max(1, instance.Cpu / cpuThreads), ThreadsPerCore: cpuThreads, Numa: '' },
    HibernationOptions: { Configured: false },
    DedicatedHostAttribute: { DedicatedHostId: '', DedicatedHostName: '', DedicatedHostClusterId: '' },
    DedicatedInstanceAttribute: { Affinity: '', Tenancy: '' },
    EcsCapacityReservationAttr: { CapacityReservationId: '', CapacityReservationPreference: '' },
  };
}

/** `{}` when the instance has no EIP, as ECS answers. */
function renderEip(instance: InstanceRecord): Record<string, unknown> {
  if (instance.EipAddress === undefined) return {};
  return {
    AllocationId: `eip-${instance.InstanceId.slice(2)}`,
    IpAddress: instance.EipAddress,
    Bandwidth: Math.max(instance.InternetMaxBandwidthOut, 5),
    InternetChargeType: instance.InternetChargeType,
    IsSupportUnassociate: true,
  };
}

/** Every instance has one primary ENI; its ID and MAC (in Alibaba Cloud's 00:16:3e range) follow from the instance ID. */
function renderPrimaryNetworkInterface(instance: InstanceRecord): Record<string, unknown> {
  return {
    NetworkInterfaceId: `eni-${instance.InstanceId.slice(2)}`,
    MacAddress: macAddressOf(instance.InstanceId),
    PrimaryIpAddress: instance.PrivateIpAddress,
    Type: 'Primary',
    PrivateIpSets: { PrivateIpSet: [{ PrivateIpAddress: instance.PrivateIpAddress, Primary: true }] },
    Ipv6Sets: { Ipv6Set: [] },
  };
}

function macAddressOf(id: string): string {
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const octets = [hash >>> 16, hash >>> 8, hash].map((byte) => (byte & 0xff).toString(16).padStart(2, '0'));
  return ['00', '16', '3e', ...octets].join(':');
}

// DescribeInstanceStatus --------------------------------------------------------------------------

const describeInstanceStatus: ActionHandler = (context) => {
  const region = requireRegion(context);
  const zoneId = context.params.string('ZoneId');
  const ids = context.params.repeatList('InstanceId', { max: 100 });
  const wanted = ids.length ? new Set(ids) : undefined;
  const matches: InstanceRecord[] = [];
  for (const instance of region.instances.values()) {
    if ((zoneId === undefined || instance.ZoneId === zoneId) && (!wanted || wanted.has(instance.InstanceId))) {
      matches.push(instance);
    }
  }
  const page = paginate(matches, context.params, DESCRIBE_INSTANCE_STATUS_PAGES);
  const statuses = page.items.map((instance) => ({ InstanceId: instance.InstanceId, Status: instance.Status }));
  return { ...page.fields, InstanceStatuses: { InstanceStatus: statuses } };
};

// The power state machine -------------------------------------------------------------------------

/** Power on (StartInstance, RebootInstance, or a new instance leaving Pending): Starting, then Running. */
function powerOn(store: Store, region: RegionState, instance: InstanceRecord, at: number): void {
  instance.Status = 'Starting';
  instance.StoppedMode = 'Not-applicable';
  instance.everStarted = true;
  recordBoot(instance, at);
  store.setTransition('instance', region.region.RegionId, instance, { to: 'Running', at: at + START_MS });
}

/** Monitoring shows data only while the instance runs, so the running periods are kept. */
function beginRunningPeriod(instance: InstanceRecord, at: number): void {
  instance.runningPeriods = instance.runningPeriods.filter((period) => (period.to ?? at) >= at - RUNNING_HISTORY_MS);
  instance.runningPeriods.push({ from: at, to: undefined });
}

function endRunningPeriod(instance: InstanceRecord, at: number): void {
  const current = instance.runningPeriods.at(-1);
  if (current && current.to === undefined) current.to = at;
}

const startInstance: ActionHandler = (context) => {
  const { region, instance } = namedInstance(context);
  // Accepted for compatibility: no emulated instance type has local disks to initialise.
  context.params.boolean('InitLocalDisk');
  rejectSecurityLock(instance);
  rejectFinancialLock(instance, 'InstanceExpired');
  requireStatus(instance, ['Stopped'], 'StartInstance');
  stopIfDryRun(context.params);
  powerOn(context.store, region, instance, context.now);
  return {};
};

const stopInstance: ActionHandler = (context) => {
  const { region, instance } = namedInstance(context);
  const { params } = context;
  const forceStop = params.boolean('ForceStop') ?? false;
  const requestedMode = params.oneOf('StoppedMode', ['StopCharging', 'KeepCharging']) ?? 'KeepCharging';
  // Accepted for compatibility: no local-storage family needs confirming, and hibernation stops normally.
  params.boolean('ConfirmStop');
  params.boolean('Hibernate');
  rejectSecurityLock(instance);
  rejectFinancialLock(instance, 'InstanceExpiredOrInArrears');
  requireStatus(instance, ['Running'], 'StopInstance');
  stopIfDryRun(context.params);
  instance.Status = 'Stopping';
  // Only pay-as-you-go VPC instances can stop charging; others silently stop normally (every instance here is VPC).
  instance.pendingStoppedMode = instance.InstanceChargeType === 'PostPaid' ? requestedMode : 'KeepCharging';
  recordShutdown(instance, context.now);
  endRunningPeriod(instance, context.now);
  const duration = forceStop ? FORCE_STOP_MS : STOP_MS;
  context.store.setTransition('instance', region.region.RegionId, instance, {
    to: 'Stopped',
    at: context.now + duration,
  });
  return {};
};

const rebootInstance: ActionHandler = (context) => {
  const { region, instance } = namedInstance(context);
  // A forced reboot skips the OS shutdown; either way the OS boots afresh, so it only needs validating.
  context.params.boolean('ForceStop');
  rejectSecurityLock(instance);
  rejectFinancialLock(instance, 'InstanceExpiredOrInArrears');
  requireStatus(instance, ['Running'], 'RebootInstance');
  stopIfDryRun(context.params);
  endRunningPeriod(instance, context.now);
  powerOn(context.store, region, instance, context.now);
  return {};
};

// DeleteInstance ----------------------------------------------------------------------------------

const deleteInstance: ActionHandler = (context) => {
  const { region, instance } = namedInstance(context);
  const { params } = context;
  const force = params.boolean('Force') ?? false;
  // ForceStop only chooses how a Running instance goes down before it is released.
  params.boolean('ForceStop');
  const terminateSubscription = params.boolean('TerminateSubscription') ?? false;
  rejectSecurityLock(instance);
  if (instance.Status === 'Pending') {
    throw incorrectStatus('IncorrectInstanceStatus.Initializing', 'instance', instance.Status, 'DeleteInstance');
  }
  requireStatus(instance, force ? ['Stopped', 'Running'] : ['Stopped'], 'DeleteInstance');
  if (instance.DeletionProtection) {
    throw apiError(
      403,
      'InvalidOperation.DeletionProtection',
      'The instance has deletion protection enabled; disable it first.',
    );
  }
  if (instance.InstanceChargeType === 'PrePaid' && !(terminateSubscription && context.now >= expiryOf(instance))) {
    throw apiError(
      403,
      'ChargeTypeViolation',
      'A subscription instance can only be released once it has expired, with TerminateSubscription.',
    );
  }
  stopIfDryRun(context.params);
  releaseInstance(context.store, region, instance, context.now);
  return {};
};

/** The system disk and DeleteWithInstance data disks go with the instance; other disks are detached. */
function releaseInstance(store: Store, region: RegionState, instance: InstanceRecord, now: number): void {
  for (const disk of region.disks.values()) {
    if (disk.InstanceId !== instance.InstanceId) continue;
    if (disk.Type === 'system' || disk.DeleteWithInstance) releaseDisk(store, region, disk);
    else detachDisk(store, region, disk, now);
  }
  region.instances.delete(instance.InstanceId);
  store.unindex(instance.InstanceId);
}

/** A released disk takes its automatic snapshots along when DeleteAutoSnapshot says so; manual ones stay. */
function releaseDisk(store: Store, region: RegionState, disk: DiskRecord): void {
  if (disk.DeleteAutoSnapshot) {
    for (const snapshot of region.snapshots.values()) {
      if (snapshot.SourceDiskId === disk.DiskId && snapshot.SnapshotType === 'auto') {
        region.snapshots.delete(snapshot.SnapshotId);
        store.unindex(snapshot.SnapshotId);
      }
    }
  }
  region.disks.delete(disk.DiskId);
  store.unindex(disk.DiskId);
}

function detachDisk(store: Store, region: RegionState, disk: DiskRecord, now: number): void {
  store.setTransition('disk', region.region.RegionId, disk, undefined);
  disk.Status = 'Available';
  disk.InstanceId = '';
  disk.Device = '';
  disk.DeleteWithInstance = false;
  disk.detachedAt = now;
}

// ModifyInstanceAttribute -------------------------------------------------------------------------

/** 2–128 characters, starting with a letter; letters, digits, `.`, `_`, `-` and `:` (so never `http://`). */
const INSTANCE_NAME = /^\p{L}[\p{L}\p{N}._:-]{1,127}$/u;

const modifyInstanceAttribute: ActionHandler = (context) => {
  const { region, instance } = namedInstance(context);
  const { params } = context;
  const instanceName = params.string('InstanceName', { code: 'InvalidInstanceName.Malformed', pattern: INSTANCE_NAME });
  const description = params.string('Description', {
    code: 'InvalidDescription.Malformed',
    minLength: 2,
    maxLength: 256,
  });
  if (description !== undefined && /^https?:\/\//.test(description)) {
    throw invalidParameter('Description', 'must not start with http:// or https://', 'InvalidDescription.Malformed');
  }
  const hostName = params.string('HostName');
  if (hostName !== undefined) validateHostName(hostName, instance.OSType);
  const password = params.string('Password');
  if (password !== undefined) checkPassword(password, instance.OSType);
  const userData = params.string('UserData');
  if (userData !== undefined) validateUserData(userData);
  const deletionProtection = params.boolean('DeletionProtection');
  const creditSpecification = params.oneOf('CreditSpecification', ['Standard', 'Unlimited'], {
    code: 'InvalidParameter.CreditSpecification',
  });
  const securityGroupIds = params.repeatList('SecurityGroupIds', {
    max: MAX_SECURITY_GROUPS_PER_INSTANCE,
    code: 'InstanceSecurityGroupLimitExceeded',
  });
  validateSecurityGroups(region, instance, securityGroupIds);

  rejectSecurityLock(instance);
  // Passwords and host names are set by the OS agent at boot, and user data only on a stopped instance.
  if (password !== undefined)
    requireStatus(instance, ['Pending', 'Running', 'Stopping', 'Stopped'], 'ModifyInstanceAttribute');
  if (hostName !== undefined) requireStatus(instance, ['Running', 'Stopping', 'Stopped'], 'ModifyInstanceAttribute');
  if (userData !== undefined) requireStatus(instance, ['Stopped'], 'ModifyInstanceAttribute');
  if (creditSpecification !== undefined && !BURSTABLE_FAMILIES.includes(instance.InstanceTypeFamily)) {
    throw invalidParameter(
      'CreditSpecification',
      'only burstable (t5, t6) instances have one',
      'InvalidParameter.CreditSpecification',
    );
  }

  // Password and UserData are checked and accepted; nothing in the emulator reads them back.
  if (instanceName !== undefined) instance.InstanceName = instanceName;
  if (description !== undefined) instance.Description = description;
  if (hostName !== undefined) instance.HostName = hostName;
  if (deletionProtection !== undefined) instance.DeletionProtection = deletionProtection;
  if (creditSpecification !== undefined) instance.CreditSpecification = creditSpecification;
  if (securityGroupIds.length) instance.SecurityGroupIds = securityGroupIds;
  return {};
};

function validateHostName(hostName: string, osType: InstanceRecord['OSType']): void {
  const malformed = (detail: string) => invalidParameter('HostName', detail, 'InvalidHostName.Malformed');
  if (/^[.-]|[.-]$|\.\.|--/.test(hostName)) throw malformed('must not start or end with, or repeat, "." or "-"');
  if (osType === 'windows') {
    if (!/^[A-Za-z0-9-]{2,15}$/.test(hostName)) throw malformed('Windows host names are 2-15 letters, digits or "-"');
    if (/^\d+$/.test(hostName)) throw malformed('must not be only digits');
  } else if (!/^[A-Za-z0-9.-]{2,64}$/.test(hostName)) {
    throw malformed('2-64 letters, digits, "-" and "." separating segments');
  }
}

function validateUserData(userData: string): void {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(userData) || userData.length % 4 !== 0) {
    throw invalidParameter('UserData', 'not Base64');
  }
  if (Buffer.from(userData, 'base64').length > MAX_USER_DATA_BYTES) {
    throw invalidParameter('UserData', `more than ${MAX_USER_DATA_BYTES} bytes`, 'InvalidUserData.SizeExceeded');
  }
}

/** The new set replaces the old one: existing groups of the instance's VPC, no repeats, one group type. */
function validateSecurityGroups(region: RegionState, instance: InstanceRecord, ids: readonly string[]): void {
  if (new Set(ids).size !== ids.length) {
    throw invalidParameter('SecurityGroupIds', 'lists a group twice', 'InvalidParameter.SecurityGroupIdRepeated');
  }
  const groups = ids.map((id) => {
    const group = region.securityGroups.get(id);
    if (!group) throw notFound('InvalidSecurityGroupId.NotFound', 'SecurityGroupId', id);
    return group;
  });
  const otherVpc = groups.find((group) => group.VpcId !== instance.VpcId);
  if (otherVpc) {
    throw apiError(
      400,
      'InvalidSecurityGroup.VpcMismatch',
      `The security group ${otherVpc.SecurityGroupId} is not in the instance's VPC.`,
    );
  }
  if (new Set(groups.map((group) => group.SecurityGroupType)).size > 1) {
    throw invalidParameter('SecurityGroupIds', 'basic and advanced security groups cannot be mixed');
  }
}

// The console actions -----------------------------------------------------------------------------

const describeInstanceVncUrl: ActionHandler = (context) => {
  const { region, instance } = instanceInRegion(context, instanceNotFound);
  requireStatus(instance, ['Running'], 'DescribeInstanceVncUrl');
  const ticket = issueVncTicket(context.store, {
    instanceId: instance.InstanceId,
    regionId: region.region.RegionId,
    issuedAt: context.now,
  });
  // ECS answers a URL-encoded address of its VNC proxy; ours is the emulator itself unless a public one is set.
  const base = context.vncPublicUrl ?? `ws://${new URL(context.baseUrl).host}`;
  return { VncUrl: encodeURIComponent(`${base}/websockify/?s=${ticket.token}`) };
};

const modifyInstanceVncPasswd: ActionHandler = (context) => {
  const { instance } = instanceInRegion(context, instanceNotFound);
  const password = context.params.requiredString('VncPassword', {
    code: 'IncorrectVncPassword.Malformed',
    pattern: /^[A-Za-z0-9]{6}$/,
  });
  requireStatus(instance, ['Starting', 'Running', 'Stopping', 'Stopped'], 'ModifyInstanceVncPasswd');
  instance.vncPassword = password;
  return {};
};

/**
 * ECS limits screenshots per instance and answers Throttling (429 in the current reference, 400 in
 * an older one). The emulator allows one every two seconds of wall-clock time, per instance.
 */
export const SCREENSHOT_INTERVAL_MS = 2_000;

const getInstanceScreenshot: ActionHandler = (context) => {
  const { region, instance } = instanceInRegion(context, invalidInstanceParameter);
  // The SDK sends WakeUp; the 2018 reference spells it Wakeup.
  const wakeUp = context.params.boolean('WakeUp') ?? context.params.boolean('Wakeup') ?? false;
  if (instance.Status !== 'Running') throw notApplicableStatus(instance);
  const realNow = Date.now();
  const last = region.screenshotTakenAt.get(instance.InstanceId);
  if (last !== undefined && realNow - last < SCREENSHOT_INTERVAL_MS) {
    throw apiError(429, 'Throttling', 'Request was denied due to request throttling.');
  }
  region.screenshotTakenAt.set(instance.InstanceId, realNow);
  if (wakeUp) wakeDisplay(instance, context.now);
  const image = renderScreenshot(consoleScreen(region, instance, context.now), context.screenshotFormat);
  return { InstanceId: instance.InstanceId, Screenshot: image.toString('base64') };
};

const getInstanceConsoleOutput: ActionHandler = (context) => {
  const { region, instance } = instanceInRegion(context, invalidInstanceParameter);
  const strip = context.params.boolean('RemoveSymbols') ?? false;
  if (instance.OSType === 'windows') {
    throw apiError(405, 'NotSupported', `The operation is not supported for "${instance.InstanceId}".`);
  }
  const updatedAt = consoleUpdatedAt(instance);
  // ECS documents 405 for a stopped instance (and there is no output before the first boot).
  if (instance.Status === 'Stopped' || instance.Status === 'Pending' || updatedAt === undefined) {
    throw notApplicableStatus(instance);
  }
  const text = consoleOutput(region, instance, context.now);
  return {
    InstanceId: instance.InstanceId,
    ConsoleOutput: Buffer.from(strip ? removeSymbols(text) : text, 'utf8').toString('base64'),
    LastUpdateTime: isoSeconds(updatedAt),
  };
};

/** The console actions answer a wrong status with 405, not the usual 403. */
const notApplicableStatus = (instance: InstanceRecord) =>
  apiError(405, 'IncorrectInstanceStatus', `The instance status "${instance.Status}" is not applicable.`);

// Registration ------------------------------------------------------------------------------------

export const instanceHandlers: Readonly<Record<string, ActionHandler>> = {
  DescribeInstances: describeInstances,
  DescribeInstanceStatus: describeInstanceStatus,
  StartInstance: startInstance,
  StopInstance: stopInstance,
  RebootInstance: rebootInstance,
  DeleteInstance: deleteInstance,
  ModifyInstanceAttribute: modifyInstanceAttribute,
  DescribeInstanceVncUrl: describeInstanceVncUrl,
  ModifyInstanceVncPasswd: modifyInstanceVncPasswd,
  GetInstanceScreenshot: getInstanceScreenshot,
  GetInstanceConsoleOutput: getInstanceConsoleOutput,
};

/** Pending → Starting → Running (a new instance), Starting → Running, Stopping → Stopped. */
export function registerInstanceTransitions(store: Store): void {
  store.onTransition('instance', (instance, transition, region, owner) => {
    switch (transition.to) {
      case 'Starting':
        powerOn(owner, region, instance, transition.at);
        break;
      case 'Running':
        instance.Status = 'Running';
        instance.startedAt = transition.at;
        beginRunningPeriod(instance, transition.at);
        break;
      case 'Stopped':
        instance.Status = 'Stopped';
        instance.StoppedMode = instance.pendingStoppedMode ?? 'KeepCharging';
        instance.pendingStoppedMode = undefined;
        break;
      default:
        instance.Status = transition.to as InstanceStatus;
    }
  });
}
