import type { AnsiSegment, AnsiStyle } from './ansi';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Every case-insensitive occurrence of `query` in `text`, without overlaps. Empty query, no matches. */
export function findMatches(text: string, query: string): TextRange[] {
  if (query === '') return [];
  const haystack = text.toLocaleLowerCase();
  const needle = query.toLocaleLowerCase();
  // Lower-casing can change a string's length (e.g. `İ`); then offsets would not line up, so match as typed.
  const sameLength = haystack.length === text.length && needle.length === query.length;
  const source = sameLength ? haystack : text;
  const target = sameLength ? needle : query;
  const ranges: TextRange[] = [];
  let from = 0;
  for (;;) {
    const start = source.indexOf(target, from);
    if (start === -1) return ranges;
    ranges.push({ start, end: start + target.length });
    from = start + target.length;
  }
}

/** A piece of the rendered text: its style and, when it is part of a search match, which one. */
export interface HighlightedPiece {
  readonly text: string;
  readonly style: AnsiStyle;
  /** Index into the match list, or `null` outside every match. */
  readonly match: number | null;
}

/**
 * Cuts styled segments at match boundaries so each piece has one style and is wholly inside or
 * outside one match. Offsets in `matches` are into the segments' joined text.
 */
export function highlightSegments(segments: readonly AnsiSegment[], matches: readonly TextRange[]): HighlightedPiece[] {
  const pieces: HighlightedPiece[] = [];
  let offset = 0;
  let matchIndex = 0;
  for (const segment of segments) {
    const segmentEnd = offset + segment.text.length;
    let position = offset;
    while (position < segmentEnd) {
      // Skip matches that ended before this position.
      while (matchIndex < matches.length && (matches[matchIndex]?.end ?? 0) <= position) matchIndex += 1;
      const match = matches[matchIndex];
      let end: number;
      let inMatch: number | null = null;
      if (!match || match.start >= segmentEnd) end = segmentEnd;
      else if (match.start > position) end = match.start;
      else {
        end = Math.min(match.end, segmentEnd);
        inMatch = matchIndex;
      }
      pieces.push({ text: segment.text.slice(position - offset, end - offset), style: segment.style, match: inMatch });
      position = end;
    }
    offset = segmentEnd;
  }
  return pieces;
}
