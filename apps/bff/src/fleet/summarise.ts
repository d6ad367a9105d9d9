import type { Instance } from '@ecs-console/ecs-client';
import { INSTANCE_SUMMARY_FIELDS, type InstanceSummary } from '@ecs-console/contract';

/** The fields the list shows (INSTANCE_SUMMARY_FIELDS), in their order; absent ones stay absent. */
export function summarise(instance: Instance): InstanceSummary {
  const summary: Partial<Record<keyof Instance, unknown>> = {};
  for (const field of INSTANCE_SUMMARY_FIELDS) if (instance[field] !== undefined) summary[field] = instance[field];
  return summary as InstanceSummary;
}
