import { describe, expect, it } from 'vitest';
import { applySgr, parseAnsi, PLAIN_STYLE, stripAnsi } from '@/features/diagnostics/logic/ansi';

const ESC = '\u001b';

describe('parseAnsi', () => {
  it('keeps plain text as one plain segment', () => {
    expect(parseAnsi('login: root\n')).toEqual([{ text: 'login: root\n', style: PLAIN_STYLE }]);
    expect(parseAnsi('')).toEqual([]);
  });

  it('renders the SGR foreground colours 30-37 and 90-97, and 39 back to default', () => {
    const segments = parseAnsi(`${ESC}[32m[  OK  ]${ESC}[39m Started ${ESC}[91mfailed${ESC}[0m.`);
    expect(segments).toEqual([
      { text: '[  OK  ]', style: { color: 'green', bold: false } },
      { text: ' Started ', style: PLAIN_STYLE },
      { text: 'failed', style: { color: 'brightRed', bold: false } },
      { text: '.', style: PLAIN_STYLE },
    ]);
    expect(parseAnsi(`${ESC}[30mx${ESC}[37my${ESC}[90mz${ESC}[97mw`).map((segment) => segment.style.color)).toEqual([
      'black',
      'white',
      'brightBlack',
      'brightWhite',
    ]);
  });

  it('renders bold (1) and resets everything with 0 or an empty SGR', () => {
    expect(parseAnsi(`${ESC}[1;31mError${ESC}[0m ok ${ESC}[1mB${ESC}[m n`)).toEqual([
      { text: 'Error', style: { color: 'red', bold: true } },
      { text: ' ok ', style: PLAIN_STYLE },
      { text: 'B', style: { color: null, bold: true } },
      { text: ' n', style: PLAIN_STYLE },
    ]);
  });

  it('strips cursor movement, screen clearing, charset selection and window titles', () => {
    const text = `${ESC}[2J${ESC}[H${ESC}[?25lBoot${ESC}[K${ESC}[3;1H ok${ESC}(B${ESC}]0;title\u0007${ESC}7!`;
    expect(parseAnsi(text)).toEqual([{ text: 'Boot ok!', style: PLAIN_STYLE }]);
  });

  it('turns CRLF into LF and drops other control characters', () => {
    expect(stripAnsi('a\r\nb\rc\u0007\td\n')).toBe('a\nbc\td\n');
  });

  it('skips 256-colour and true-colour arguments instead of reading them as codes', () => {
    // 38;5;1 must not be read as "bold" (1); 38;2;0;0;1 neither.
    expect(applySgr(PLAIN_STYLE, '38;5;1')).toEqual(PLAIN_STYLE);
    expect(applySgr(PLAIN_STYLE, '38;2;0;0;1;33')).toEqual({ color: 'yellow', bold: false });
  });

  it('survives a sequence cut off at the end of the text', () => {
    expect(stripAnsi(`done${ESC}[3`)).toBe('done');
    expect(stripAnsi(`done${ESC}`)).toBe('done');
  });
});
