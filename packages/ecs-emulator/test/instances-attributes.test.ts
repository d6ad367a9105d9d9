import type { DescribeInstanceVncUrlResponse } from '@ecs-console/ecs-client';
import { describe, expect, it } from 'vitest';
import { findVncTicket } from '../src/console/vnc-tickets.js';
import { createSecurityGroup, createVpc } from '../src/store/factories.js';
import type { InstanceRecord } from '../src/store/types.js';
import { START, expectApiError, testBed, type TestBed } from './support/test-bed.js';
import type { MonitorBody } from './support/instance-bodies.js';

describe('ModifyInstanceAttribute', () => {
  const modify = (bed: TestBed, instance: InstanceRecord, params: Record<string, string>) =>
    bed.call('ModifyInstanceAttribute', { InstanceId: instance.InstanceId, ...params });

  it('changes name, description, host name, deletion protection and credit mode', () => {
    const bed = testBed();
    const instance = bed.instance({ InstanceType: 'ecs.t6-c1m2.large' });
    expect(
      modify(bed, instance, {
        InstanceName: 'web:front_1.a-b',
        Description: 'the front end',
        HostName: 'web-1.example',
        DeletionProtection: 'true',
        CreditSpecification: 'Unlimited',
        Password: 'Passw0rd!',
      }),
    ).toEqual({});
    expect(instance).toMatchObject({
      InstanceName: 'web:front_1.a-b',
      Description: 'the front end',
      HostName: 'web-1.example',
      DeletionProtection: true,
      CreditSpecification: 'Unlimited',
    });
  });

  it('validates InstanceName and Description', () => {
    const bed = testBed();
    const instance = bed.instance();
    for (const bad of ['a', '1web', 'http://x', 'has space', 'x'.repeat(129)]) {
      expectApiError(() => modify(bed, instance, { InstanceName: bad }), 400, 'InvalidInstanceName.Malformed');
    }
    modify(bed, instance, { InstanceName: '网站-1' });
    expect(instance.InstanceName).toBe('网站-1');
    for (const bad of ['a', 'https://example.com', 'x'.repeat(257)]) {
      expectApiError(() => modify(bed, instance, { Description: bad }), 400, 'InvalidDescription.Malformed');
    }
  });

  it('validates host names by operating system', () => {
    const bed = testBed();
    const linux = bed.instance();
    const windows = bed.instance({ ImageId: 'win2022_21H2_x64_dtc_en-us_40G_alibase_20240716.vhd' });
    for (const bad of ['a', '-web', 'web-', 'web..a', 'web--a', '.web', 'we_b', 'x'.repeat(65)]) {
      expectApiError(() => modify(bed, linux, { HostName: bad }), 400, 'InvalidHostName.Malformed');
    }
    for (const bad of ['web.local', '12345', 'x'.repeat(16)]) {
      expectApiError(() => modify(bed, windows, { HostName: bad }), 400, 'InvalidHostName.Malformed');
    }
    modify(bed, windows, { HostName: 'WIN-APP-01' });
    expect(windows.HostName).toBe('WIN-APP-01');
  });

  it('validates passwords: 8-30 characters of three classes, no leading / on Windows', () => {
    const bed = testBed();
    const linux = bed.instance();
    const windows = bed.instance({ ImageId: 'win2019_1809_x64_dtc_en-us_40G_alibase_20240716.vhd' });
    for (const bad of ['Sh0rt!', 'alllowercase1', 'NoDigitsOrSpecials', 'Bad char 1!', `Aa1!${'x'.repeat(27)}`]) {
      expectApiError(() => modify(bed, linux, { Password: bad }), 400, 'InvalidPassword.Malformed');
    }
    expect(modify(bed, linux, { Password: '/Passw0rd' })).toEqual({});
    expectApiError(() => modify(bed, windows, { Password: '/Passw0rd' }), 400, 'InvalidPassword.Malformed');
  });

  it('refuses a password while Starting and a host name while Pending', () => {
    const bed = testBed();
    const starting = bed.instance({ Status: 'Starting' });
    expectApiError(() => modify(bed, starting, { Password: 'Passw0rd!' }), 403, 'IncorrectInstanceStatus');
    const pending = bed.instance({ Status: 'Pending' });
    expectApiError(() => modify(bed, pending, { HostName: 'web-1' }), 403, 'IncorrectInstanceStatus');
  });

  it('accepts Base64 user data up to 32 KB on a stopped instance only', () => {
    const bed = testBed();
    const stopped = bed.instance({ Status: 'Stopped' });
    const running = bed.instance();
    const script = Buffer.from('#!/bin/sh\necho hello ecs!\n').toString('base64');
    expect(modify(bed, stopped, { UserData: script })).toEqual({});
    expectApiError(() => modify(bed, running, { UserData: script }), 403, 'IncorrectInstanceStatus');
    expectApiError(() => modify(bed, stopped, { UserData: 'not base64!' }), 400, 'InvalidParameter');
    const huge = Buffer.alloc(32 * 1024 + 1, 'a').toString('base64');
    expectApiError(() => modify(bed, stopped, { UserData: huge }), 400, 'InvalidUserData.SizeExceeded');
  });

  it('replaces the security groups with existing groups of the same VPC', () => {
    const bed = testBed();
    const [first, second] = [createSecurityGroup(bed.store, bed.region), createSecurityGroup(bed.store, bed.region)];
    const instance = bed.instance({ SecurityGroupIds: [first.SecurityGroupId] });
    modify(bed, instance, {
      'SecurityGroupIds.1': second.SecurityGroupId,
      'SecurityGroupIds.2': first.SecurityGroupId,
    });
    expect(instance.SecurityGroupIds).toEqual([second.SecurityGroupId, first.SecurityGroupId]);
  });

  it('rejects unknown, repeated, foreign-VPC, mixed-type and too many security groups', () => {
    const bed = testBed();
    const group = createSecurityGroup(bed.store, bed.region);
    const instance = bed.instance({ SecurityGroupIds: [group.SecurityGroupId] });
    const groups = (...ids: string[]) => Object.fromEntries(ids.map((id, i) => [`SecurityGroupIds.${i + 1}`, id]));
    expectApiError(() => modify(bed, instance, groups('sg-missing')), 404, 'InvalidSecurityGroupId.NotFound');
    expectApiError(
      () => modify(bed, instance, groups(group.SecurityGroupId, group.SecurityGroupId)),
      400,
      'InvalidParameter.SecurityGroupIdRepeated',
    );
    const otherVpc = createVpc(bed.store, bed.region);
    const foreign = createSecurityGroup(bed.store, bed.region, { VpcId: otherVpc.VpcId });
    expectApiError(
      () => modify(bed, instance, groups(foreign.SecurityGroupId)),
      400,
      'InvalidSecurityGroup.VpcMismatch',
    );
    const enterprise = createSecurityGroup(bed.store, bed.region, { SecurityGroupType: 'enterprise' });
    expectApiError(
      () => modify(bed, instance, groups(group.SecurityGroupId, enterprise.SecurityGroupId)),
      400,
      'InvalidParameter',
    );
    const six = Array.from({ length: 6 }, () => createSecurityGroup(bed.store, bed.region).SecurityGroupId);
    expectApiError(() => modify(bed, instance, groups(...six)), 400, 'InstanceSecurityGroupLimitExceeded');
    expect(instance.SecurityGroupIds).toEqual([group.SecurityGroupId]);
  });

  it('rejects a credit mode for other families, locked and unknown instances', () => {
    const bed = testBed();
    const general = bed.instance();
    expectApiError(
      () => modify(bed, general, { CreditSpecification: 'Unlimited' }),
      400,
      'InvalidParameter.CreditSpecification',
    );
    const burstable = bed.instance({ InstanceType: 'ecs.t6-c1m4.large' });
    expectApiError(
      () => modify(bed, burstable, { CreditSpecification: 'Turbo' }),
      400,
      'InvalidParameter.CreditSpecification',
    );
    const locked = bed.instance({ lockReasons: ['security'] });
    expectApiError(() => modify(bed, locked, { InstanceName: 'web-1' }), 403, 'InstanceLockedForSecurity');
    expectApiError(
      () => bed.call('ModifyInstanceAttribute', { InstanceId: 'i-missing', InstanceName: 'web-1' }),
      404,
      'InvalidInstanceId.NotFound',
    );
  });
});

describe('DescribeInstanceVncUrl', () => {
  it('answers a URL-encoded ws:// address whose ticket the console endpoint can look up', () => {
    const bed = testBed();
    const instance = bed.instance();
    const body = bed.call('DescribeInstanceVncUrl', {
      RegionId: bed.regionId,
      InstanceId: instance.InstanceId,
    }) as unknown as Omit<DescribeInstanceVncUrlResponse, 'RequestId'>;
    expect(body.VncUrl).not.toContain('/');
    const url = new URL(decodeURIComponent(body.VncUrl));
    expect(url.protocol).toBe('ws:');
    expect(url.host).toBe('127.0.0.1:9100');
    expect(url.pathname).toBe('/websockify/');
    const token = url.searchParams.get('s')!;
    expect(token).toMatch(/^[\w-]{20,}$/);
    expect(findVncTicket(bed.store, token)).toMatchObject({
      instanceId: instance.InstanceId,
      regionId: bed.regionId,
      issuedAt: START,
    });
  });

  it('needs a Running instance in the named region', () => {
    const bed = testBed();
    const stopped = bed.instance({ Status: 'Stopped' });
    const call = (params: Record<string, string>) => bed.call('DescribeInstanceVncUrl', params);
    expectApiError(
      () => call({ RegionId: bed.regionId, InstanceId: stopped.InstanceId }),
      403,
      'IncorrectInstanceStatus',
    );
    expectApiError(() => call({ RegionId: bed.regionId, InstanceId: 'i-missing' }), 404, 'InvalidInstanceId.NotFound');
    expectApiError(() => call({ InstanceId: stopped.InstanceId }), 400, 'MissingParameter');
    expectApiError(() => call({ RegionId: bed.regionId }), 400, 'MissingParameter');
  });
});

describe('ModifyInstanceVncPasswd', () => {
  it('stores a six-character password of letters and digits', () => {
    const bed = testBed();
    const instance = bed.instance();
    const call = (password: string) =>
      bed.call('ModifyInstanceVncPasswd', {
        RegionId: bed.regionId,
        InstanceId: instance.InstanceId,
        VncPassword: password,
      });
    expect(call('aB3dE6')).toEqual({});
    expect(instance.vncPassword).toBe('aB3dE6');
    for (const bad of ['abc12', 'abc1234', 'abc12!']) {
      expectApiError(() => call(bad), 400, 'IncorrectVncPassword.Malformed');
    }
    expect(instance.vncPassword).toBe('aB3dE6');
  });

  it('rejects unknown and pending instances and a missing password', () => {
    const bed = testBed();
    const pending = bed.instance({ Status: 'Pending' });
    const call = (params: Record<string, string>) =>
      bed.call('ModifyInstanceVncPasswd', { RegionId: bed.regionId, ...params });
    expectApiError(
      () => call({ InstanceId: pending.InstanceId, VncPassword: 'abc123' }),
      403,
      'IncorrectInstanceStatus',
    );
    expectApiError(() => call({ InstanceId: 'i-missing', VncPassword: 'abc123' }), 404, 'InvalidInstanceId.NotFound');
    expectApiError(() => call({ InstanceId: pending.InstanceId }), 400, 'MissingParameter');
  });
});

describe('DescribeInstanceMonitorData', () => {
  const monitor = (bed: TestBed, params: Record<string, string>) =>
    bed.call('DescribeInstanceMonitorData', params) as unknown as MonitorBody;

  /** A bed whose clock stands at 2024-05-02T00:00Z with an instance running since 2024-05-01T00:00Z. */
  function runningDay() {
    const bed = testBed();
    const instance = bed.instance();
    bed.advance(86_400_000);
    return { bed, instance };
  }

  it('answers one point per period with plausible, repeatable metrics', () => {
    const { bed, instance } = runningDay();
    const params = {
      InstanceId: instance.InstanceId,
      StartTime: '2024-05-01T10:00:00Z',
      EndTime: '2024-05-01T11:00:00Z',
    };
    const body = monitor(bed, params);
    const points = body.MonitorData.InstanceMonitorData;
    expect(points).toHaveLength(60);
    expect(points[0]!.TimeStamp).toBe('2024-05-01T10:00:00Z');
    expect(points[59]!.TimeStamp).toBe('2024-05-01T10:59:00Z');
    for (const point of points) {
      expect(point.InstanceId).toBe(instance.InstanceId);
      expect(point.CPU).toBeGreaterThanOrEqual(0);
      expect(point.CPU).toBeLessThanOrEqual(100);
      expect(Number.isInteger(point.IntranetRX)).toBe(true);
      expect(point.IntranetBandwidth).toBe(Math.round((point.IntranetRX! + point.IntranetTX!) / 60));
      expect(point.InternetRX).toBe(0);
      expect(point.CPUCreditBalance).toBeUndefined();
    }
    expect(new Set(points.map((p) => p.CPU)).size).toBeGreaterThan(1);
    expect(monitor(bed, params)).toEqual(body);
  });

  it('supports 600 and 3600 second periods and rounds seconds up to the next minute', () => {
    const { bed, instance } = runningDay();
    const query = (period: string, start = '2024-05-01T00:00:00Z') =>
      monitor(bed, {
        InstanceId: instance.InstanceId,
        StartTime: start,
        EndTime: '2024-05-01T12:00:00Z',
        Period: period,
      }).MonitorData.InstanceMonitorData;
    expect(query('600')).toHaveLength(72);
    expect(query('3600')).toHaveLength(12);
    expect(query('3600', '2024-05-01T00:00:01Z')[0]!.TimeStamp).toBe('2024-05-01T00:01:00Z');
  });

  it('leaves out the metrics while the instance was not running, and in the future', () => {
    const bed = testBed();
    const instance = bed.instance({ PublicIpAddress: '47.0.0.1', InstanceType: 'ecs.t6-c1m2.large' });
    bed.advance(600_000);
    bed.call('StopInstance', { InstanceId: instance.InstanceId });
    bed.advance(600_000);
    const points = monitor(bed, {
      InstanceId: instance.InstanceId,
      StartTime: '2024-04-30T23:58:00Z',
      EndTime: '2024-05-01T00:25:00Z',
    }).MonitorData.InstanceMonitorData;
    const collected = points.filter((point) => point.CPU !== undefined).map((point) => point.TimeStamp);
    expect(collected[0]).toBe('2024-05-01T00:00:00Z');
    expect(collected.at(-1)).toBe('2024-05-01T00:09:00Z');
    expect(collected).toHaveLength(10);
    expect(points).toHaveLength(27);
    expect(points[0]).toEqual({ InstanceId: instance.InstanceId, TimeStamp: '2024-04-30T23:58:00Z' });
    const running = points.find((point) => point.CPU !== undefined)!;
    expect(running.InternetRX).toBeGreaterThan(0);
    expect(running.CPUCreditBalance).toBeGreaterThanOrEqual(0);
    expect(running.CPUCreditUsage).toBeGreaterThanOrEqual(0);
  });

  it('validates the time window and period', () => {
    const { bed, instance } = runningDay();
    const query = (params: Record<string, string>) => () =>
      monitor(bed, {
        InstanceId: instance.InstanceId,
        StartTime: '2024-05-01T10:00:00Z',
        EndTime: '2024-05-01T11:00:00Z',
        ...params,
      });
    expectApiError(query({ StartTime: '2024-05-01 10:00' }), 400, 'InvalidStartTime.Malformed');
    expectApiError(query({ EndTime: 'tomorrow' }), 400, 'InvalidEndTime.Malformed');
    expectApiError(query({ Period: '300' }), 400, 'InvalidPeriod.ValueNotSupported');
    expectApiError(query({ Period: 'often' }), 400, 'InvalidPeriod.ValueNotSupported');
    expectApiError(query({ EndTime: '2024-05-01T09:00:00Z' }), 400, 'InvalidStartTime.ValueNotSupported');
    expectApiError(query({ StartTime: '2024-03-01T00:00:00Z' }), 400, 'InvalidStartTime.TooEarly');
    expectApiError(query({ EndTime: '2024-05-01T16:41:00Z' }), 400, 'InvalidParameter.TooManyDataQueried');
    expect(query({ EndTime: '2024-05-01T16:40:00Z' })().MonitorData.InstanceMonitorData).toHaveLength(400);
    expectApiError(query({ InstanceId: 'i-missing' }), 404, 'InvalidInstanceId.NotFound');
    expectApiError(
      () => bed.call('DescribeInstanceMonitorData', { InstanceId: instance.InstanceId }),
      400,
      'MissingParameter',
    );
  });
});
