import { z } from 'zod';
import type { Role } from '@ecs-console/contract';

/**
 * One ECS action the console may call through the signing proxy, declared once: what it accepts,
 * whether it reads or writes, who may call it, and what the audit log records.
 */
export interface RegistryEntry {
  /** A strict zod object: unknown parameters are rejected with a 400 that names them. */
  readonly schema: z.ZodObject;
  readonly access: 'read' | 'write';
  /** The least role that may call it. */
  readonly role: Role;
  /**
   * `param`: the action takes RegionId itself. `endpoint`: it does not, so the browser sends a
   * RegionId that the BFF uses only to choose the region's endpoint. `none`: no region (DescribeRegions).
   */
  readonly region: 'param' | 'endpoint' | 'none';
  /** The resource IDs a call touches, for the audit log. */
  readonly resources: (params: Record<string, unknown>) => string[];
  /** IDs of what a successful call made (CreateDisk's DiskId), added to the audit entry's resources. */
  readonly createdIds?: (result: Record<string, unknown>) => string[];
  /** Parameters whose values the audit log and logs never record. */
  readonly secretParams?: readonly string[];
}

// Shared field shapes. They bound what the browser can send; ECS validates the rest and its
// errors are passed through.
export const regionId = z.string().regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'not a region ID');
export const resourceId = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}-[a-z0-9]{4,32}$`), `not a ${prefix}- ID`);
export const instanceId = resourceId('i');
export const diskId = resourceId('d');
export const snapshotId = resourceId('s');
export const securityGroupId = resourceId('sg');
export const text = (max: number) => z.string().max(max);
export const pageNumber = z.number().int().min(1).max(100_000);
export const pageSize = (max: number) => z.number().int().min(1).max(max);
export const nextToken = z.string().max(1024);
export const tagInput = z.strictObject({ Key: z.string().min(1).max(128), Value: z.string().max(128).optional() });
export const tags = z.array(tagInput).max(20);
export const filterInput = z.strictObject({ Key: z.string().min(1).max(64), Value: z.string().max(64) });
export const idList = (id: z.ZodString, max: number) => z.array(id).max(max);

/** Entry builder with the defaults most actions share. */
export function entry(
  fields: Omit<RegistryEntry, 'resources'> & Partial<Pick<RegistryEntry, 'resources'>>,
): RegistryEntry {
  return { resources: () => [], ...fields };
}

/** Collects string IDs from the named parameters (single values or arrays). */
export function idsFrom(...names: string[]): (params: Record<string, unknown>) => string[] {
  return (params) =>
    names.flatMap((name) => {
      const value = params[name];
      if (typeof value === 'string') return [value];
      if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
      return [];
    });
}

/** Reads the named string fields of an answer (the IDs a create call returns). */
export function idsIn(...names: string[]): (result: Record<string, unknown>) => string[] {
  return (result) => names.flatMap((name) => (typeof result[name] === 'string' ? [result[name]] : []));
}
