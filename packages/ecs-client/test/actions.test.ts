import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ecsActions, type AnyActionSpec } from '../src/index.js';

// The official SDK's request models name every wire parameter; they are the reference our
// action table is checked against.
const require = createRequire(import.meta.url);
const sdk = require('@alicloud/ecs20140526') as Record<string, { names?: () => Record<string, string> } | undefined>;

/** The actions the console uses (issue #2), exactly. */
const CONSOLE_ACTIONS = [
  'DescribeRegions',
  'DescribeZones',
  'DescribeInstances',
  'DescribeInstanceStatus',
  'StartInstance',
  'StopInstance',
  'RebootInstance',
  'DeleteInstance',
  'ModifyInstanceAttribute',
  'DescribeInstanceVncUrl',
  'ModifyInstanceVncPasswd',
  'GetInstanceScreenshot',
  'GetInstanceConsoleOutput',
  'DescribeDisks',
  'CreateDisk',
  'AttachDisk',
  'DetachDisk',
  'ResizeDisk',
  'DeleteDisk',
  'ModifyDiskAttribute',
  'ResetDisk',
  'ReInitDisk',
  'CreateSnapshot',
  'DescribeSnapshots',
  'DeleteSnapshot',
  'DescribeSecurityGroups',
  'DescribeSecurityGroupAttribute',
  'CreateSecurityGroup',
  'DeleteSecurityGroup',
  'AuthorizeSecurityGroup',
  'AuthorizeSecurityGroupEgress',
  'RevokeSecurityGroup',
  'RevokeSecurityGroupEgress',
  'ModifySecurityGroupRule',
  'ModifySecurityGroupEgressRule',
  'ModifySecurityGroupAttribute',
  'ModifySecurityGroupPolicy',
  'JoinSecurityGroup',
  'LeaveSecurityGroup',
  'TagResources',
  'UntagResources',
  'ListTagResources',
  'DescribeInstanceMonitorData',
];

const specs = Object.entries(ecsActions) as [string, AnyActionSpec][];

function sdkParameterNames(action: string): Set<string> {
  const model = sdk[`${action}Request`];
  if (!model?.names) throw new Error(`the SDK has no ${action}Request`);
  return new Set(Object.values(model.names()));
}

describe('the action table', () => {
  it('covers exactly the actions the console uses', () => {
    expect(Object.keys(ecsActions).sort()).toEqual([...CONSOLE_ACTIONS].sort());
  });

  it.each(specs)('%s agrees with the official SDK model', (action, spec) => {
    const names = sdkParameterNames(action);
    expect(spec.kind).toBe(/^(Describe|List|Get)/.test(action) ? 'read' : 'write');
    expect(Boolean(spec.clientToken)).toBe(names.has('ClientToken'));
    for (const param of spec.jsonArrayParams ?? []) expect(names).toContain(param);
    if (spec.pagination) {
      expect(spec.pagination.pageNumber).toBe(names.has('PageNumber'));
      expect(spec.pagination.nextToken).toBe(names.has('NextToken'));
      expect(!spec.pagination.fixedPageSize).toBe(names.has('MaxResults') || names.has('PageSize'));
    } else {
      expect(names.has('PageNumber') || names.has('NextToken')).toBe(false);
    }
  });
});
