import { EcsClient, type EcsError } from '@ecs-console/ecs-client';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import type { PermissionView } from './security-group-bed.js';

export const REGION = 'cn-hangzhou';

/** A rule as DescribeSecurityGroupAttribute answers it over the wire (the fields these tests read). */
export interface WirePermission extends PermissionView {
  Ipv6SourceCidrIp: string;
  Ipv6DestCidrIp: string;
  CreateTime: string;
}

export interface SecurityGroupHttp {
  readonly emulator: RunningEmulator;
  /** Any action by name, over HTTP, signed as a real client signs it; the parsed body. */
  call(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The ECS error code and HTTP status a call fails with; undefined when it succeeds. */
  failure(action: string, params: Record<string, unknown>): Promise<{ code: string; status: number } | undefined>;
  /** The ECS error a call fails with (code, status, message); throws when it succeeds. */
  error(action: string, params: Record<string, unknown>): Promise<EcsError>;
  /** A new group in `vpcId` (default: the VPC of the home region's first running instance). */
  createGroup(params?: Record<string, unknown>): Promise<string>;
  permissions(groupId: string): Promise<WirePermission[]>;
  group(groupId: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** The default estate served over HTTP, and calls against it. */
export async function securityGroupHttp(): Promise<SecurityGroupHttp> {
  const emulator = await startEmulator();
  const client = new EcsClient({
    credentials: emulator.credentials,
    endpoint: emulator.url,
    retry: { maxAttempts: 1 },
  });
  const call = (action: string, params: Record<string, unknown>) => client.call(action, params);
  const error = async (action: string, params: Record<string, unknown>) => {
    try {
      await call(action, params);
    } catch (caught) {
      return caught as EcsError;
    }
    throw new Error(`${action} succeeded`);
  };
  const homeVpc = [...emulator.store.region(REGION)!.instances.values()].find((i) => i.Status === 'Running')!.VpcId;
  return {
    emulator,
    call,
    error,
    async failure(action, params) {
      try {
        await call(action, params);
        return undefined;
      } catch (caught) {
        const { code, statusCode } = caught as EcsError;
        return { code, status: statusCode ?? 0 };
      }
    },
    async createGroup(params = {}) {
      const body = await call('CreateSecurityGroup', { RegionId: REGION, VpcId: homeVpc, ...params });
      return body.SecurityGroupId as string;
    },
    async permissions(groupId) {
      const body = await call('DescribeSecurityGroupAttribute', { RegionId: REGION, SecurityGroupId: groupId });
      return (body.Permissions as { Permission: WirePermission[] }).Permission;
    },
    group: (groupId) => call('DescribeSecurityGroupAttribute', { RegionId: REGION, SecurityGroupId: groupId }),
    async close() {
      await client.close();
      await emulator.close();
    },
  };
}
