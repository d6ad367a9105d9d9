import { describe, expect, it } from 'vitest';
import { PLAIN_STYLE, type AnsiStyle } from '@/features/diagnostics/logic/ansi';
import { findMatches, highlightSegments } from '@/features/diagnostics/logic/text-search';

const RED: AnsiStyle = { color: 'red', bold: false };

describe('findMatches', () => {
  it('finds every case-insensitive occurrence without overlaps', () => {
    expect(findMatches('Error: error ERROR', 'error')).toEqual([
      { start: 0, end: 5 },
      { start: 7, end: 12 },
      { start: 13, end: 18 },
    ]);
    expect(findMatches('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it('finds nothing for an empty query', () => {
    expect(findMatches('text', '')).toEqual([]);
  });
});

describe('highlightSegments', () => {
  it('cuts styled segments at match boundaries, a match spanning two segments', () => {
    const segments = [
      { text: 'boot ', style: PLAIN_STYLE },
      { text: 'failed', style: RED },
    ];
    const pieces = highlightSegments(segments, findMatches('boot failed', 't fa'));
    expect(pieces).toEqual([
      { text: 'boo', style: PLAIN_STYLE, match: null },
      { text: 't ', style: PLAIN_STYLE, match: 0 },
      { text: 'fa', style: RED, match: 0 },
      { text: 'iled', style: RED, match: null },
    ]);
  });

  it('numbers several matches in one segment', () => {
    const pieces = highlightSegments([{ text: 'ab ab', style: PLAIN_STYLE }], findMatches('ab ab', 'ab'));
    expect(pieces.map((piece) => [piece.text, piece.match])).toEqual([
      ['ab', 0],
      [' ', null],
      ['ab', 1],
    ]);
  });

  it('returns the segments whole when nothing matches', () => {
    const segments = [{ text: 'x', style: RED }];
    expect(highlightSegments(segments, [])).toEqual([{ text: 'x', style: RED, match: null }]);
  });
});
