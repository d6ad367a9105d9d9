import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { AnsiSegment } from '../logic/ansi';
import { highlightSegments, type TextRange } from '../logic/text-search';
import styles from './console-output.module.css';
import { useHeightToViewportBottom } from './use-height-to-viewport-bottom';

/** Below the output: the container's padding, so its edge stays in the window too. */
const BOTTOM_GAP_PX = 24;
/** Shorter than this a log is unreadable: the page scrolls instead. */
const MIN_HEIGHT_PX = 320;

interface ConsoleOutputViewerProps {
  readonly segments: readonly AnsiSegment[];
  readonly matches: readonly TextRange[];
  /** The match to show and mark as current, or `null`. */
  readonly currentMatch: number | null;
  readonly wrap: boolean;
  /** Scroll to the end whenever `version` changes (new output loaded). */
  readonly followTail: boolean;
  readonly version: number;
  readonly label: string;
}

/**
 * The styled text in a scrolling `<pre>`, search matches highlighted. It ends at the bottom of the
 * window, so the log scrolls in one place rather than in the box and the page at once.
 */
export function ConsoleOutputViewer({
  segments,
  matches,
  currentMatch,
  wrap,
  followTail,
  version,
  label,
}: ConsoleOutputViewerProps) {
  const viewer = useRef<HTMLPreElement>(null);
  const pieces = useMemo(() => highlightSegments(segments, matches), [segments, matches]);
  const maxHeight = useHeightToViewportBottom(viewer, BOTTOM_GAP_PX, MIN_HEIGHT_PX);

  useEffect(() => {
    const element = viewer.current;
    if (followTail && element) element.scrollTop = element.scrollHeight;
  }, [followTail, version]);

  useEffect(() => {
    if (currentMatch === null) return;
    viewer.current?.querySelector(`[data-match="${currentMatch}"]`)?.scrollIntoView({ block: 'center' });
  }, [currentMatch, matches]);

  return (
    <pre
      ref={viewer}
      className={wrap ? `${styles.viewer} ${styles.wrap}` : styles.viewer}
      style={
        maxHeight === undefined
          ? undefined
          : ({ '--console-output-max-height': `${String(maxHeight)}px` } as CSSProperties)
      }
      aria-label={label}
      // Focusable so keyboard users can scroll it.
      tabIndex={0}
    >
      {pieces.map((piece, index) => {
        const classes = [
          piece.style.color ? styles[piece.style.color] : undefined,
          piece.style.bold ? styles.bold : undefined,
          piece.match !== null ? (piece.match === currentMatch ? styles.currentMatch : styles.match) : undefined,
        ].filter(Boolean);
        const className = classes.length > 0 ? classes.join(' ') : undefined;
        if (piece.match !== null) {
          return (
            <mark key={index} className={className} data-match={piece.match}>
              {piece.text}
            </mark>
          );
        }
        return (
          <span key={index} className={className}>
            {piece.text}
          </span>
        );
      })}
    </pre>
  );
}
