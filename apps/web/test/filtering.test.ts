import type { PropertyFilterQuery, PropertyFilterToken } from '@cloudscape-design/collection-hooks';
import { describe, expect, it } from 'vitest';
import { MAX_SUGGESTIONS_PER_PROPERTY, tagKeysOf } from '@/components/resource-list';
import {
  filterRows,
  instanceFilteringOptions as filteringOptionsOf,
  matchesQuery,
  matchesToken,
} from '@/features/instances/logic/filtering';
import { toInstanceRow, toInstanceRows } from '@/features/instances/logic/instance-row';
import { makeInstance } from './fixtures';

const web = toInstanceRow(
  makeInstance({
    InstanceId: 'i-web1',
    InstanceName: 'Web-Prod-1',
    PublicIpAddress: { IpAddress: ['47.96.1.10'] },
    tags: { env: 'prod', team: 'payments' },
  }),
  'en',
);
const db = toInstanceRow(
  makeInstance({
    InstanceId: 'i-db1',
    InstanceName: 'db-staging',
    Status: 'Stopped',
    ZoneId: 'cn-hangzhou-i',
    OSType: 'windows',
    OSNameEn: 'Windows Server 2022',
    VpcAttributes: {
      VpcId: 'vpc-1',
      VSwitchId: 'vsw-1',
      NatIpAddress: '',
      PrivateIpAddress: { IpAddress: ['172.16.0.20', '172.16.0.21'] },
    },
    EipAddress: { AllocationId: 'eip-1', IpAddress: '39.100.2.3' },
    tags: { env: 'staging' },
  }),
  'en',
);
const untagged = toInstanceRow(makeInstance({ InstanceId: 'i-bare', InstanceName: '' }), 'en');
const rows = [web, db, untagged];

const token = (propertyKey: string | undefined, operator: string, value: string): PropertyFilterToken => ({
  propertyKey,
  operator,
  value,
});
const ids = (query: PropertyFilterQuery) => rows.filter((row) => matchesQuery(row, query)).map((row) => row.id);
const and = (...tokens: PropertyFilterToken[]): PropertyFilterQuery => ({ operation: 'and', tokens });
const or = (...tokens: PropertyFilterToken[]): PropertyFilterQuery => ({ operation: 'or', tokens });

describe('instance property filter', () => {
  it('keeps every row without tokens', () => {
    expect(ids(and())).toEqual(['i-web1', 'i-db1', 'i-bare']);
  });

  it('matches = exactly and : or ^ ignoring case', () => {
    expect(ids(and(token('name', '=', 'Web-Prod-1')))).toEqual(['i-web1']);
    expect(ids(and(token('name', '=', 'web-prod-1')))).toEqual([]);
    expect(ids(and(token('name', ':', 'PROD')))).toEqual(['i-web1']);
    expect(ids(and(token('name', '^', 'db-')))).toEqual(['i-db1']);
    expect(ids(and(token('name', '!^', 'db-')))).toEqual(['i-web1', 'i-bare']);
    expect(ids(and(token('name', '!:', 'prod')))).toEqual(['i-db1', 'i-bare']);
  });

  it('filters by status, zone, instance type and OS', () => {
    expect(ids(and(token('status', '=', 'Stopped')))).toEqual(['i-db1']);
    expect(ids(and(token('status', '!=', 'Stopped')))).toEqual(['i-web1', 'i-bare']);
    expect(ids(and(token('zone', '=', 'cn-hangzhou-i')))).toEqual(['i-db1']);
    expect(ids(and(token('instanceType', '^', 'ecs.g7')))).toHaveLength(3);
    expect(ids(and(token('osType', '=', 'windows')))).toEqual(['i-db1']);
    expect(ids(and(token('osName', ':', 'ubuntu')))).toEqual(['i-web1', 'i-bare']);
  });

  it('matches any of several addresses, and negation means none of them', () => {
    expect(ids(and(token('privateIp', '=', '172.16.0.21')))).toEqual(['i-db1']);
    expect(ids(and(token('privateIp', '!=', '172.16.0.21')))).toEqual(['i-web1', 'i-bare']);
    expect(ids(and(token('publicIp', '=', '39.100.2.3')))).toEqual(['i-db1']);
    expect(ids(and(token('publicIp', '^', '47.')))).toEqual(['i-web1']);
  });

  it('filters tags by key, by value and as tag:key = value', () => {
    expect(ids(and(token('tagKey', '=', 'team')))).toEqual(['i-web1']);
    expect(ids(and(token('tagValue', '=', 'staging')))).toEqual(['i-db1']);
    expect(ids(and(token('tag:env', '=', 'prod')))).toEqual(['i-web1']);
    expect(ids(and(token('tag:env', ':', 'STAG')))).toEqual(['i-db1']);
    // Without the tag, "env is not prod" holds.
    expect(ids(and(token('tag:env', '!=', 'prod')))).toEqual(['i-db1', 'i-bare']);
    // A value under another key does not count.
    expect(ids(and(token('tag:team', '=', 'prod')))).toEqual([]);
  });

  it('searches every property with free text', () => {
    expect(ids(and(token(undefined, ':', 'PAYMENTS')))).toEqual(['i-web1']);
    expect(ids(and(token(undefined, ':', '39.100')))).toEqual(['i-db1']);
    expect(ids(and(token(undefined, '!:', 'i-db')))).toEqual(['i-web1', 'i-bare']);
  });

  it('combines tokens with and / or', () => {
    expect(ids(and(token('tag:env', '=', 'prod'), token('status', '=', 'Stopped')))).toEqual([]);
    expect(ids(or(token('tag:env', '=', 'prod'), token('status', '=', 'Stopped')))).toEqual(['i-web1', 'i-db1']);
  });

  it('matches nothing for an unknown property or operator', () => {
    expect(matchesToken(web, token('nope', '=', 'x'))).toBe(false);
    expect(matchesToken(web, token('name', '>', 'a'))).toBe(false);
  });
});

describe('filter suggestions', () => {
  it('lists the tag keys of the fleet once, sorted', () => {
    expect(tagKeysOf(rows)).toEqual(['env', 'team']);
  });

  it('offers each distinct value once per property, and every status', () => {
    const options = filteringOptionsOf(rows);
    const valuesOf = (key: string) => options.filter((option) => option.propertyKey === key).map((o) => o.value);
    expect(valuesOf('status')).toEqual(['Pending', 'Starting', 'Running', 'Stopping', 'Stopped']);
    expect(valuesOf('tag:env')).toEqual(['prod', 'staging']);
    expect(valuesOf('privateIp')).toEqual(['172.16.0.10', '172.16.0.20', '172.16.0.21']);
    expect(valuesOf('zone')).toEqual(['cn-hangzhou-h', 'cn-hangzhou-i']);
    // Empty names are not suggested.
    expect(valuesOf('name')).toEqual(['Web-Prod-1', 'db-staging']);
  });

  it('drops the suggestions of a property with too many values to match while typing', () => {
    const fleet = Array.from({ length: MAX_SUGGESTIONS_PER_PROPERTY + 1 }, (_, n) =>
      toInstanceRow(makeInstance({ InstanceId: `i-${n}`, InstanceName: `web-${n}` }), 'en'),
    );
    const keys = new Set(filteringOptionsOf(fleet).map((option) => option.propertyKey));
    expect(keys.has('id')).toBe(false);
    expect(keys.has('name')).toBe(false);
    expect(keys.has('zone')).toBe(true);
    // Filtering itself still works on every value.
    expect(fleet.filter((row) => matchesQuery(row, and(token('name', '=', 'web-500'))))).toHaveLength(1);
  });
});

describe('filtering a large list', () => {
  it('gives the same rows through filterRows as row by row, for every kind of token', () => {
    const queries = [
      and(token(undefined, ':', 'prod')),
      and(token('tag:env', '=', 'prod')),
      and(token('tag:env', '!:', 'STAG')),
      and(token('privateIp', '^', '172.16.0.2')),
      or(token('name', '=', 'db-staging'), token('publicIp', ':', '47.96')),
      and(token('tag:missing', '=', 'x')),
      and(token('tag:missing', '!=', 'x')),
    ];
    for (const query of queries) {
      expect(filterRows(rows, query).map((row) => row.id)).toEqual(ids(query));
    }
    expect(ids(and(token('tag:missing', '!=', 'x')))).toEqual(['i-web1', 'i-db1', 'i-bare']);
  });

  it('builds rows once per instance object and locale, so a refresh rebuilds only what changed', () => {
    const a = makeInstance({ InstanceId: 'i-a' });
    const b = makeInstance({ InstanceId: 'i-b', Status: 'Stopping' });
    const first = toInstanceRows([a, b], 'en');
    const changed = { ...b, Status: 'Stopped' as const };
    const second = toInstanceRows([a, changed], 'en');
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]?.status).toBe('Stopped');
    expect(toInstanceRows([a], 'zh-CN')[0]).not.toBe(first[0]);
  });

  it('keeps tag values by key and lower-cased values for the case-insensitive operators', () => {
    expect(web.tagValues.get('env')?.exact).toEqual(['prod']);
    expect(web.search.name).toEqual({ exact: ['Web-Prod-1'], lower: ['web-prod-1'] });
    expect(db.search.privateIp.exact).toEqual(['172.16.0.20', '172.16.0.21']);
  });
});
