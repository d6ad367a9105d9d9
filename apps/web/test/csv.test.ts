import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, instancesCsv, instancesCsvFilename, type CsvColumn } from '@/features/instances/logic/csv-export';
import { toInstanceRow } from '@/features/instances/logic/instance-row';
import { csvEscape, toCsv } from '@/lib/csv';
import { makeInstance } from './fixtures';

describe('csvEscape', () => {
  it('leaves plain values alone', () => {
    expect(csvEscape('web-1')).toBe('web-1');
    expect(csvEscape(42)).toBe('42');
    expect(csvEscape(-1)).toBe('-1');
    expect(csvEscape(true)).toBe('true');
    expect(csvEscape(null)).toBe('');
    expect(csvEscape(undefined)).toBe('');
  });

  it('quotes commas, quotes, line breaks and edge spaces', () => {
    expect(csvEscape('a,b')).toBe('"a,b"');
    expect(csvEscape('say "hi"')).toBe('"say ""hi"""');
    expect(csvEscape('line1\nline2')).toBe('"line1\nline2"');
    expect(csvEscape('cr\rhere')).toBe('"cr\rhere"');
    expect(csvEscape(' padded ')).toBe('" padded "');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvEscape('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvEscape('+1')).toBe("'+1");
    expect(csvEscape('-rm')).toBe("'-rm");
    expect(csvEscape('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('keeps non-ASCII names as they are', () => {
    expect(csvEscape('生产-服务器')).toBe('生产-服务器');
  });
});

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('instance export', () => {
  const headings = Object.fromEntries(CSV_COLUMNS.map((column) => [column, column])) as Record<CsvColumn, string>;

  it('exports raw values for every column', () => {
    const row = toInstanceRow(
      makeInstance({
        InstanceId: 'i-1',
        InstanceName: 'web, "blue"',
        Memory: 4096,
        PublicIpAddress: { IpAddress: ['47.0.0.1'] },
        tags: { env: 'prod', owner: 'ops' },
      }),
      'en',
    );
    const [header, line, end] = instancesCsv([row], headings).split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(line).toBe(
      'i-1,"web, ""blue""",Running,cn-hangzhou-h,ecs.g7.large,2,4,172.16.0.10,47.0.0.1,linux,Ubuntu  22.04 64 bit,PostPaid,2024-05-01T08:30Z,env=prod; owner=ops',
    );
    expect(end).toBe('');
  });

  it('names the file after the region and the day', () => {
    expect(instancesCsvFilename('cn-hangzhou', new Date(2025, 0, 9, 23, 59))).toBe(
      'ecs-instances-cn-hangzhou-2025-01-09.csv',
    );
  });
});
