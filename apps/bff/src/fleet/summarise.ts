import type { Instance } from '@ecs-console/ecs-client';
import type { INSTANCE_SUMMARY_FIELDS, InstanceSummary } from '@ecs-console/contract';

/**
 * The fields the list shows (INSTANCE_SUMMARY_FIELDS, in its order; `satisfies` keeps the two
 * lists the same). Written out as one object literal, not copied field by field in a loop: every
 * summary then has one shape, which makes building and serialising 10,000 of them several times
 * faster. A field ECS left out is undefined here, and JSON leaves it out as before.
 */
export function summarise(instance: Instance): InstanceSummary {
  return {
    InstanceId: instance.InstanceId,
    InstanceName: instance.InstanceName,
    Description: instance.Description,
    HostName: instance.HostName,
    Status: instance.Status,
    RegionId: instance.RegionId,
    ZoneId: instance.ZoneId,
    InstanceType: instance.InstanceType,
    InstanceTypeFamily: instance.InstanceTypeFamily,
    Cpu: instance.Cpu,
    Memory: instance.Memory,
    OSType: instance.OSType,
    OSName: instance.OSName,
    OSNameEn: instance.OSNameEn,
    ImageId: instance.ImageId,
    CreationTime: instance.CreationTime,
    StartTime: instance.StartTime,
    ExpiredTime: instance.ExpiredTime,
    InstanceChargeType: instance.InstanceChargeType,
    InternetChargeType: instance.InternetChargeType,
    InternetMaxBandwidthOut: instance.InternetMaxBandwidthOut,
    InstanceNetworkType: instance.InstanceNetworkType,
    StoppedMode: instance.StoppedMode,
    DeletionProtection: instance.DeletionProtection,
    KeyPairName: instance.KeyPairName,
    OperationLocks: instance.OperationLocks,
    VpcAttributes: instance.VpcAttributes,
    PublicIpAddress: instance.PublicIpAddress,
    EipAddress: instance.EipAddress,
    SecurityGroupIds: instance.SecurityGroupIds,
    Tags: instance.Tags,
  } satisfies Record<(typeof INSTANCE_SUMMARY_FIELDS)[number], unknown>;
}
