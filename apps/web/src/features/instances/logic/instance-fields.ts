import type { Instance, Tag } from '../types';

/** VPC private addresses, then classic-network inner addresses. */
export function privateIps(instance: Instance): readonly string[] {
  return [...(instance.VpcAttributes?.PrivateIpAddress.IpAddress ?? []), ...(instance.InnerIpAddress?.IpAddress ?? [])];
}

/** Public addresses ECS assigned, then the associated EIP. */
export function publicIps(instance: Instance): readonly string[] {
  const eip = instance.EipAddress?.IpAddress;
  return [...(instance.PublicIpAddress?.IpAddress ?? []), ...(eip ? [eip] : [])];
}

export function instanceTags(instance: Instance): readonly Tag[] {
  return instance.Tags?.Tag ?? [];
}

/** ECS names the OS in Chinese (`OSName`) and English (`OSNameEn`): show the user's. */
export function osDisplayName(instance: Instance, locale: string): string {
  if (locale.startsWith('zh')) return instance.OSName || instance.OSNameEn;
  return instance.OSNameEn || instance.OSName;
}

export function securityGroupIds(instance: Instance): readonly string[] {
  return instance.SecurityGroupIds?.SecurityGroupId ?? [];
}

export function lockReasons(instance: Instance): readonly string[] {
  return (instance.OperationLocks?.LockReason ?? []).map((lock) => lock.LockReason);
}
