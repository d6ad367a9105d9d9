/**
 * Typing text into a VNC session. RFB key events carry X11 keysyms: Latin-1 characters are their
 * own code point, every other Unicode character is `0x01000000 + code point`, and Enter, Tab and
 * BackSpace are function keysyms. noVNC's `sendKey(keysym, code)` also takes the DOM `code` of the
 * physical key, which it sends as a scancode when the server supports QEMU key events.
 */

export const XK_RETURN = 0xff0d;
export const XK_TAB = 0xff09;

export interface KeyStroke {
  readonly keysym: number;
  /**
   * The physical key on a US keyboard, or `''`. Only unshifted characters get one: a server that
   * reads scancodes would otherwise type `a` for `A` (Shift is not pressed), so shifted characters
   * go by keysym alone.
   */
  readonly code: string;
}

/** Unshifted US-layout punctuation and their DOM `code`. */
const PUNCTUATION_CODES: Readonly<Record<string, string>> = {
  ' ': 'Space',
  '-': 'Minus',
  '=': 'Equal',
  '[': 'BracketLeft',
  ']': 'BracketRight',
  '\\': 'Backslash',
  ';': 'Semicolon',
  "'": 'Quote',
  '`': 'Backquote',
  ',': 'Comma',
  '.': 'Period',
  '/': 'Slash',
};

function codeFor(char: string): string {
  if (/^[a-z]$/.test(char)) return `Key${char.toUpperCase()}`;
  if (/^[0-9]$/.test(char)) return `Digit${char}`;
  return PUNCTUATION_CODES[char] ?? '';
}

/** The key stroke for one character (one code point), or `null` for one that cannot be typed. */
export function keyStrokeFor(char: string): KeyStroke | null {
  if (char === '\n') return { keysym: XK_RETURN, code: 'Enter' };
  if (char === '\t') return { keysym: XK_TAB, code: 'Tab' };
  const codePoint = char.codePointAt(0);
  if (codePoint === undefined || [...char].length !== 1) return null;
  // C0/C1 control characters and DEL have no keysym of their own.
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return null;
  const keysym = codePoint <= 0xff ? codePoint : 0x01000000 + codePoint;
  return { keysym, code: codeFor(char) };
}

/**
 * The key strokes that type `text`, line ends (`\n`, `\r\n`, `\r`) as Enter. Characters that cannot
 * be typed are skipped.
 */
export function keyStrokesFor(text: string): KeyStroke[] {
  const strokes: KeyStroke[] = [];
  for (const char of text.replace(/\r\n?/g, '\n')) {
    const stroke = keyStrokeFor(char);
    if (stroke) strokes.push(stroke);
  }
  return strokes;
}
