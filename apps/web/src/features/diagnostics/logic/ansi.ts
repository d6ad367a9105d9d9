/**
 * ANSI escape sequences in serial console output (what `GetInstanceConsoleOutput` returns with
 * `RemoveSymbols=false`). The viewer renders colours and bold (SGR) and drops everything else:
 * cursor movement and screen clearing mean nothing in a scrolled text log.
 */

export const ANSI_COLORS = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'brightBlack',
  'brightRed',
  'brightGreen',
  'brightYellow',
  'brightBlue',
  'brightMagenta',
  'brightCyan',
  'brightWhite',
] as const;
export type AnsiColor = (typeof ANSI_COLORS)[number];

export interface AnsiStyle {
  /** Foreground colour; `null` is the viewer's default text colour. */
  readonly color: AnsiColor | null;
  readonly bold: boolean;
}

export interface AnsiSegment {
  readonly text: string;
  readonly style: AnsiStyle;
}

export const PLAIN_STYLE: AnsiStyle = { color: null, bold: false };

const ESC = '\u001b';

/**
 * One escape sequence at the start of the string:
 * - CSI: `ESC [` parameters, intermediates, one final byte (SGR, cursor moves, clear screen, ...),
 *   or cut off by the end of the text;
 * - OSC: `ESC ]` ... ended by BEL or `ESC \` (window titles);
 * - any other `ESC` + optional intermediates + one final byte (charset selection `ESC ( B`, `ESC 7`, ...).
 */
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /^\u001b(?:\[([0-?]*)[ -/]*([@-~])|\[[0-?]*[ -/]*$|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[ -/]*[0-~]?)/;

/** Control characters a log viewer cannot show; newline and tab stay. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function cleanText(text: string): string {
  // `\r\n` is a line end; a lone `\r` (a progress bar redrawing its line) is dropped.
  return text.replace(/\r\n/g, '\n').replace(UNPRINTABLE, '');
}

/** The style after one SGR (`ESC [ ... m`) sequence with the given parameters. */
export function applySgr(style: AnsiStyle, parameters: string): AnsiStyle {
  // `ESC [ m` is the same as `ESC [ 0 m`.
  const codes = parameters === '' ? [0] : parameters.split(/[;:]/).map((code) => (code === '' ? 0 : Number(code)));
  let { color, bold } = style;
  for (let index = 0; index < codes.length; index += 1) {
    const code = codes[index] ?? 0;
    if (code === 0) {
      color = null;
      bold = false;
    } else if (code === 1) bold = true;
    else if (code === 22) bold = false;
    else if (code >= 30 && code <= 37) color = ANSI_COLORS[code - 30] ?? null;
    else if (code >= 90 && code <= 97) color = ANSI_COLORS[code - 90 + 8] ?? null;
    else if (code === 39) color = null;
    else if (code === 38 || code === 48) {
      // 256-colour (`38;5;n`) and true-colour (`38;2;r;g;b`) arguments are skipped, not read as codes.
      index += codes[index + 1] === 5 ? 2 : codes[index + 1] === 2 ? 4 : 0;
    }
    // Backgrounds, underline, blink and the rest are not shown.
  }
  return color === style.color && bold === style.bold ? style : { color, bold };
}

/** Splits the text into runs of one style, with every escape sequence and control character removed. */
export function parseAnsi(input: string): AnsiSegment[] {
  const segments: AnsiSegment[] = [];
  let style = PLAIN_STYLE;
  let rest = input;
  const push = (raw: string) => {
    const text = cleanText(raw);
    if (text === '') return;
    const last = segments.at(-1);
    if (last && last.style === style) segments[segments.length - 1] = { text: last.text + text, style };
    else segments.push({ text, style });
  };
  while (rest !== '') {
    const escape = rest.indexOf(ESC);
    if (escape === -1) {
      push(rest);
      break;
    }
    push(rest.slice(0, escape));
    rest = rest.slice(escape);
    const match = ESCAPE_SEQUENCE.exec(rest);
    // The regular expression always matches at least the ESC itself.
    const sequence = match?.[0] ?? ESC;
    if (match?.[2] === 'm') style = applySgr(style, match[1] ?? '');
    rest = rest.slice(sequence.length);
  }
  return segments;
}

/** The text without escape sequences: what "Strip ANSI" shows, downloads and searches. */
export function stripAnsi(input: string): string {
  return parseAnsi(input)
    .map((segment) => segment.text)
    .join('');
}
