import { describe, expect, it } from 'vitest';
import { keyStrokeFor, keyStrokesFor, XK_RETURN, XK_TAB } from '@/features/diagnostics/logic/keysyms';

describe('keyStrokeFor', () => {
  it('maps Latin-1 characters to their code point, with the US key for unshifted ones', () => {
    expect(keyStrokeFor('a')).toEqual({ keysym: 0x61, code: 'KeyA' });
    expect(keyStrokeFor('7')).toEqual({ keysym: 0x37, code: 'Digit7' });
    expect(keyStrokeFor(' ')).toEqual({ keysym: 0x20, code: 'Space' });
    expect(keyStrokeFor('/')).toEqual({ keysym: 0x2f, code: 'Slash' });
    expect(keyStrokeFor('é')).toEqual({ keysym: 0xe9, code: '' });
  });

  it('sends shifted characters by keysym alone', () => {
    expect(keyStrokeFor('A')).toEqual({ keysym: 0x41, code: '' });
    expect(keyStrokeFor('!')).toEqual({ keysym: 0x21, code: '' });
    expect(keyStrokeFor('|')).toEqual({ keysym: 0x7c, code: '' });
  });

  it('maps other Unicode characters to 0x01000000 + code point', () => {
    expect(keyStrokeFor('€')).toEqual({ keysym: 0x010020ac, code: '' });
    expect(keyStrokeFor('中')).toEqual({ keysym: 0x01004e2d, code: '' });
    expect(keyStrokeFor('😀')).toEqual({ keysym: 0x0101f600, code: '' });
  });

  it('types newline as Enter and tab as Tab; other control characters not at all', () => {
    expect(keyStrokeFor('\n')).toEqual({ keysym: XK_RETURN, code: 'Enter' });
    expect(keyStrokeFor('\t')).toEqual({ keysym: XK_TAB, code: 'Tab' });
    expect(keyStrokeFor('\u0007')).toBeNull();
    expect(keyStrokeFor('\u007f')).toBeNull();
    expect(keyStrokeFor('ab')).toBeNull();
  });
});

describe('keyStrokesFor', () => {
  it('types multi-line text with one Enter per line break, whatever the line ending', () => {
    const strokes = keyStrokesFor('ls\r\npwd\rid\n');
    expect(strokes.map((stroke) => stroke.keysym)).toEqual([
      0x6c,
      0x73,
      XK_RETURN,
      0x70,
      0x77,
      0x64,
      XK_RETURN,
      0x69,
      0x64,
      XK_RETURN,
    ]);
  });

  it('skips characters that cannot be typed', () => {
    expect(keyStrokesFor('a\u0000b')).toEqual([keyStrokeFor('a'), keyStrokeFor('b')]);
  });
});
