import type { PropertyFilterQuery, PropertyFilterToken } from '@cloudscape-design/collection-hooks';
import { describe, expect, it } from 'vitest';
import { filteringOptionsOf } from '@/components/resource-list';
import {
  GROUP_CSV_COLUMNS,
  groupsCsv,
  groupsCsvFilename,
  type GroupCsvColumn,
} from '@/features/security-groups/logic/group-csv';
import { GROUP_FILTERING, GROUP_ROW_FILTER } from '@/features/security-groups/logic/group-filtering';
import { toGroupRows } from '@/features/security-groups/logic/group-row';
import { GROUP_TABLE_PREFERENCES } from '@/features/security-groups/logic/group-table-preferences';
import { makeEgressPermission, makeInstance, makePermission, makeSecurityGroup } from './fixtures';

const web = makeSecurityGroup({
  SecurityGroupId: 'sg-web',
  SecurityGroupName: 'web',
  Description: 'public web tier',
  EcsCount: 7,
  Permissions: [
    makePermission({ SecurityGroupRuleId: 'sgr-ssh', PortRange: '22/22', SourceCidrIp: '0.0.0.0/0' }),
    makePermission({ SecurityGroupRuleId: 'sgr-https', PortRange: '443/443', SourceCidrIp: '0.0.0.0/0' }),
    makeEgressPermission({ SecurityGroupRuleId: 'sgr-out', IpProtocol: 'ALL', PortRange: '-1/-1' }),
  ],
  tags: { env: 'prod' },
});
const db = makeSecurityGroup({
  SecurityGroupId: 'sg-db',
  SecurityGroupName: 'db',
  SecurityGroupType: 'enterprise',
  VpcId: 'vpc-data',
  InnerAccessPolicy: 'Drop',
  EcsCount: 0,
  Permissions: [
    makePermission({ SecurityGroupRuleId: 'sgr-mysql', PortRange: '3306/3306', SourceCidrIp: '10.0.0.0/8' }),
  ],
  tags: { env: 'staging' },
});
const instances = [
  makeInstance({ InstanceId: 'i-web1', InstanceName: 'web-1', SecurityGroupIds: { SecurityGroupId: ['sg-web'] } }),
  makeInstance({
    InstanceId: 'i-web2',
    InstanceName: 'web-2',
    SecurityGroupIds: { SecurityGroupId: ['sg-web', 'sg-x'] },
  }),
];
const rows = toGroupRows([web, db], instances);

const token = (propertyKey: string | undefined, operator: string, value: string): PropertyFilterToken => ({
  propertyKey,
  operator,
  value,
});
const and = (...tokens: PropertyFilterToken[]): PropertyFilterQuery => ({ operation: 'and', tokens });
const ids = (query: PropertyFilterQuery) => GROUP_ROW_FILTER.filterRows(rows, query).map((row) => row.id);

describe('security group rows', () => {
  it('count inbound and outbound rules, name the type, and count the high-severity findings', () => {
    expect(rows.map((row) => [row.id, row.type, row.inboundCount, row.outboundCount, row.highFindingCount])).toEqual([
      // SSH open to the world is high; HTTPS from anywhere is not a finding.
      ['sg-web', 'basic', 2, 1, 1],
      ['sg-db', 'advanced', 1, 0, 0],
    ]);
  });

  it('take members from the instance list, and ECS’s EcsCount until it has loaded', () => {
    expect(rows[0]?.members?.map((member) => member.id)).toEqual(['i-web1', 'i-web2']);
    expect(rows[0]?.memberCount).toBe(2);
    expect(rows[1]?.memberCount).toBe(0);
    const unloaded = toGroupRows([web], undefined);
    expect(unloaded[0]?.members).toBeUndefined();
    expect(unloaded[0]?.memberCount).toBe(7);
  });

  it('are built once per group object, and again when its members change', () => {
    const first = toGroupRows([web, db], instances);
    const again = toGroupRows([web, db], instances);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    const joined = toGroupRows(
      [web, db],
      [...instances, makeInstance({ InstanceId: 'i-db1', SecurityGroupIds: { SecurityGroupId: ['sg-db'] } })],
    );
    expect(joined[0]).toBe(first[0]);
    expect(joined[1]).not.toBe(first[1]);
    expect(joined[1]?.memberCount).toBe(1);
  });
});

describe('security group filtering', () => {
  it('filters by type, VPC, member, findings, policy, tag and free text', () => {
    expect(ids(and(token('type', '=', 'advanced')))).toEqual(['sg-db']);
    expect(ids(and(token('vpcId', '=', 'vpc-data')))).toEqual(['sg-db']);
    expect(ids(and(token('memberName', '=', 'web-2')))).toEqual(['sg-web']);
    expect(ids(and(token('findings', '=', 'high')))).toEqual(['sg-web']);
    expect(ids(and(token('innerAccessPolicy', '=', 'Drop')))).toEqual(['sg-db']);
    expect(ids(and(token('tag:env', '=', 'prod')))).toEqual(['sg-web']);
    expect(ids(and(token(undefined, ':', 'public web')))).toEqual(['sg-web']);
    expect(ids(and(token('type', '!=', 'advanced'), token('name', ':', 'we')))).toEqual(['sg-web']);
  });

  it('suggests both types and both policies before any group has them', () => {
    const options = filteringOptionsOf([], {
      keys: GROUP_FILTERING.suggestedKeys,
      always: GROUP_FILTERING.alwaysSuggested,
    });
    const values = (key: string) =>
      options.filter((option) => option.propertyKey === key).map((option) => option.value);
    expect(values('type')).toEqual(['basic', 'advanced']);
    expect(values('innerAccessPolicy')).toEqual(['Accept', 'Drop']);
    expect(GROUP_FILTERING.valueLabelKey?.('type', 'advanced')).toBe(
      'securityGroups.list.filter.valueLabels.type.advanced',
    );
    expect(GROUP_FILTERING.valueLabelKey?.('type', 'someday')).toBeUndefined();
  });
});

describe('security group CSV', () => {
  const headings = Object.fromEntries(GROUP_CSV_COLUMNS.map((column) => [column, column])) as Record<
    GroupCsvColumn,
    string
  >;

  it('exports raw values: counts, member IDs, ECS policies and ISO times', () => {
    const lines = groupsCsv(rows, headings).trim().split(/\r?\n/);
    expect(lines[0]).toBe(GROUP_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      'sg-web,web,vpc-bp1vpc0001,basic,2,1,2,i-web1; i-web2,Accept,1,public web tier,2024-05-01T08:30Z,env=prod',
    );
    expect(lines[2]).toContain('sg-db,db,vpc-data,advanced,1,0,0,,Drop,0');
  });

  it('names the file after the region and the day', () => {
    expect(groupsCsvFilename('cn-hangzhou', new Date(2026, 10, 30, 12))).toBe(
      'ecs-security-groups-cn-hangzhou-2026-11-30.csv',
    );
  });

  it('shows the everyday columns by default, findings first, and hides the rest', () => {
    const visible = GROUP_TABLE_PREFERENCES.defaults.contentDisplay.filter((column) => column.visible).map((c) => c.id);
    expect(visible).toEqual(['id', 'name', 'findings', 'type', 'inbound', 'outbound', 'members', 'vpcId']);
  });
});
