import type { InstanceSummary } from '@ecs-console/contract';
import type { Instance, Tag } from '@ecs-console/ecs-client';

/** The detail page's instance has every field; the list's only the summary (no classic-network addresses). */
type InstanceWithInnerIps = InstanceSummary & { readonly InnerIpAddress?: Instance['InnerIpAddress'] };

/** VPC private addresses, then classic-network inner addresses. */
export function privateIps(instance: InstanceWithInnerIps): readonly string[] {
  return [...(instance.VpcAttributes?.PrivateIpAddress.IpAddress ?? []), ...(instance.InnerIpAddress?.IpAddress ?? [])];
}

/** Public addresses ECS assigned, then the associated EIP. */
export function publicIps(instance: InstanceSummary): readonly string[] {
  const eip = instance.EipAddress?.IpAddress;
  return [...(instance.PublicIpAddress?.IpAddress ?? []), ...(eip ? [eip] : [])];
}

export function instanceTags(instance: InstanceSummary): readonly Tag[] {
  return instance.Tags?.Tag ?? [];
}

/** ECS names the OS in Chinese (`OSName`) and English (`OSNameEn`): show the user's. */
export function osDisplayName(instance: InstanceSummary, locale: string): string {
  if (locale.startsWith('zh')) return instance.OSName || instance.OSNameEn;
  return instance.OSNameEn || instance.OSName;
}

export function securityGroupIds(instance: InstanceSummary): readonly string[] {
  return instance.SecurityGroupIds?.SecurityGroupId ?? [];
}

export function lockReasons(instance: InstanceSummary): readonly string[] {
  return (instance.OperationLocks?.LockReason ?? []).map((lock) => lock.LockReason);
}
