import { describe, expect, it } from 'vitest';
import { encodeParams } from '../src/params.js';

describe('encodeParams', () => {
  it('flattens arrays and arrays of objects into 1-based repeat keys', () => {
    expect(
      encodeParams({
        RegionId: 'cn-hangzhou',
        InstanceId: ['i-1', 'i-2'],
        Tag: [
          { Key: 'env', Value: 'prod' },
          { Key: 'team', Value: '' },
        ],
        TagFilter: [{ TagKey: 'app', TagValues: ['web', 'api'] }],
      }),
    ).toEqual({
      RegionId: 'cn-hangzhou',
      'InstanceId.1': 'i-1',
      'InstanceId.2': 'i-2',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'prod',
      'Tag.2.Key': 'team',
      'Tag.2.Value': '',
      'TagFilter.1.TagKey': 'app',
      'TagFilter.1.TagValues.1': 'web',
      'TagFilter.1.TagValues.2': 'api',
    });
  });

  it('sends the named legacy list parameters as one JSON-array string', () => {
    expect(encodeParams({ InstanceIds: ['i-1', 'i-2'], Empty: [] }, ['InstanceIds', 'Empty'])).toEqual({
      InstanceIds: '["i-1","i-2"]',
      Empty: '[]',
    });
  });

  it('writes booleans and numbers as text and leaves out undefined and null', () => {
    expect(encodeParams({ ForceStop: true, DryRun: false, PageSize: 100, Missing: undefined, Null: null })).toEqual({
      ForceStop: 'true',
      DryRun: 'false',
      PageSize: '100',
    });
  });

  it('rejects values it cannot encode rather than sending garbage', () => {
    expect(() => encodeParams({ Callback: () => 1 })).toThrow(/Callback: cannot encode a function/);
  });
});
