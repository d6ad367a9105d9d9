import { isoSeconds } from '../clock.js';
import { apiError, invalidParameter, notFound } from '../protocol/errors.js';
import type { InstanceRecord } from '../store/types.js';
import { regionOfResource, type ActionHandler } from './kit/context.js';

/**
 * DescribeInstanceMonitorData: synthetic but plausible metrics. Every value is a function of the
 * instance ID and the timestamp only (a per-instance baseline, a daily rhythm, and hashed noise), so
 * the same query always answers the same numbers. Points when the instance was not Running, or
 * that lie in the future, carry only InstanceId and TimeStamp, as ECS leaves out what it could not
 * collect.
 */

const PERIODS = [60, 600, 3600];
const DEFAULT_PERIOD = 60;
const MAX_POINTS = 400;
const MAX_AGE_MS = 30 * 86_400_000;
const DAY_MS = 86_400_000;
const BURSTABLE_FAMILIES = ['ecs.t5', 'ecs.t6'];

const describeInstanceMonitorData: ActionHandler = (context) => {
  const { params } = context;
  const id = params.requiredString('InstanceId');
  const start = parseQueryTime(params.requiredString('StartTime'), 'StartTime', 'InvalidStartTime.Malformed');
  const end = parseQueryTime(params.requiredString('EndTime'), 'EndTime', 'InvalidEndTime.Malformed');
  const period = params.integer('Period', { code: 'InvalidPeriod.ValueNotSupported' }) ?? DEFAULT_PERIOD;
  if (!PERIODS.includes(period)) {
    throw invalidParameter('Period', 'must be 60, 600 or 3600', 'InvalidPeriod.ValueNotSupported');
  }
  const instance = regionOfResource(context, id)?.instances.get(id);
  if (!instance) throw notFound('InvalidInstanceId.NotFound', 'InstanceId', id);
  if (start > end) {
    throw apiError(
      400,
      'InvalidStartTime.ValueNotSupported',
      'The specified parameter StartTime is later than EndTime.',
    );
  }
  if (start < context.now - MAX_AGE_MS) {
    throw apiError(400, 'InvalidStartTime.TooEarly', 'The specified parameter "StartTime" is too early.');
  }
  const periodMs = period * 1000;
  if ((end - start) / periodMs > MAX_POINTS) {
    throw apiError(400, 'InvalidParameter.TooManyDataQueried', 'Too many data queried.');
  }
  const points: Record<string, unknown>[] = [];
  for (let at = start; at < end; at += periodMs) {
    const collected = at <= context.now && wasRunningAt(instance, at);
    points.push({
      InstanceId: instance.InstanceId,
      TimeStamp: isoSeconds(at),
      ...(collected ? metricsAt(instance, at, period) : {}),
    });
  }
  return { MonitorData: { InstanceMonitorData: points } };
};

/** `YYYY-MM-DDThh:mm:ssZ` (UTC); non-zero seconds round up to the next minute, as ECS documents. */
function parseQueryTime(value: string, name: string, code: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2}))?Z$/.exec(value);
  const minute = match ? Date.parse(`${match[1]}:00Z`) : NaN;
  if (Number.isNaN(minute)) throw invalidParameter(name, 'expected YYYY-MM-DDThh:mm:ssZ', code);
  return match?.[2] && match[2] !== '00' ? minute + 60_000 : minute;
}

function wasRunningAt(instance: InstanceRecord, at: number): boolean {
  return instance.runningPeriods.some((period) => period.from <= at && (period.to === undefined || at < period.to));
}

/** A hash of the instance ID, fixing its baseline load and the phase of its daily rhythm. */
function seedOf(id: string): number {
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/** Hashed noise in [0, 1) for one instance, minute and metric. */
function noise(seed: number, at: number, metric: number): number {
  let x = (seed ^ Math.imul(Math.floor(at / 60_000), 0x9e3779b1) ^ Math.imul(metric + 1, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

function metricsAt(instance: InstanceRecord, at: number, period: number): Record<string, number> {
  const seed = seedOf(instance.InstanceId);
  // Longer periods average more samples, so their values wander less.
  const jitter = (metric: number) => (noise(seed, at, metric) - 0.5) / Math.sqrt(period / 60);
  const baseline = 3 + (seed % 25);
  const daily = Math.sin(2 * Math.PI * (at / DAY_MS + (seed % 1000) / 1000));
  const cpu = clamp(Math.round(baseline * (1 + 0.5 * daily) + 20 * jitter(0)), 0, 100);
  // Traffic and disk activity follow the CPU load.
  const load = 0.2 + cpu / 25;
  const kbits = (scale: number, metric: number) =>
    Math.max(0, Math.round(scale * load * period * (1 + jitter(metric))));
  const intranetRX = kbits(48, 1);
  const intranetTX = kbits(32, 2);
  const hasPublicAddress = instance.PublicIpAddress !== undefined || instance.EipAddress !== undefined;
  const internetRX = hasPublicAddress ? kbits(12, 3) : 0;
  const internetTX = hasPublicAddress ? kbits(20, 4) : 0;
  const perSecond = (scale: number, metric: number) => Math.max(0, Math.round(scale * load * (1 + jitter(metric))));
  return {
    CPU: cpu,
    IntranetRX: intranetRX,
    IntranetTX: intranetTX,
    IntranetBandwidth: Math.round((intranetRX + intranetTX) / period),
    InternetRX: internetRX,
    InternetTX: internetTX,
    InternetBandwidth: Math.round((internetRX + internetTX) / period),
    IOPSRead: perSecond(12, 5),
    IOPSWrite: perSecond(30, 6),
    BPSRead: perSecond(48_000, 7),
    BPSWrite: perSecond(160_000, 8),
    ...(BURSTABLE_FAMILIES.includes(instance.InstanceTypeFamily) ? creditsAt(instance, cpu, period) : {}),
  };
}

/**
 * Burstable instances earn six credits an hour per vCPU (a 10 % baseline), hold at most a day's
 * worth, and spend one credit per vCPU-minute at full load.
 */
function creditsAt(instance: InstanceRecord, cpu: number, period: number): Record<string, number> {
  const maxBalance = 6 * 24 * instance.Cpu;
  return {
    CPUCreditUsage: round2(((instance.Cpu * cpu) / 100) * (period / 60)),
    CPUCreditBalance: round2(maxBalance * (1 - cpu / 100)),
    CPUAdvanceCreditBalance: 0,
    CPUNotpaidSurplusCreditUsage: 0,
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round2 = (value: number) => Math.round(value * 100) / 100;

export const monitoringHandlers: Readonly<Record<string, ActionHandler>> = {
  DescribeInstanceMonitorData: describeInstanceMonitorData,
};
