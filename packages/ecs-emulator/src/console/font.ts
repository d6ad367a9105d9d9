/**
 * A compact 5×8 bitmap font for printable ASCII (space to `~`), drawn for the emulator's console
 * screenshots. Rows 0–6 hold capitals and digits; row 7 is for descenders (g, j, p, q, y, `,`, `_`).
 */

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 8;

const FIRST_CHAR = 0x20;
const LAST_CHAR = 0x7e;

/**
 * One eight-character word per glyph, in character order from space. Each character is one pixel
 * row, top first, as a base-32 digit (0–v) whose bit 4 is the leftmost pixel: `e` (01110) is
 * `.###.`, `h` (10001) is `#...#`, `v` (11111) is `#####`.
 */
const GLYPHS = [
  '00000000 44444040 aaa00000 aavavaa0 4fke5u40 op248j30 cik8lid0 44800000',
  '24888420 84222480 04lel400 044v4400 00000c48 000v0000 00000cc0 01248g00',
  'ehjlphe0 4c4444e0 eh1248v0 v2421he0 26aiv220 vgu11he0 68guhhe0 v1248880',
  'ehhehhe0 ehhf12c0 0cc0cc00 0cc0c480 248g8420 00v0v000 84212480 eh124040',
  'eh1dlle0 ehhvhhh0 uhhuhhu0 ehggghe0 sihhhis0 vgguggv0 vgguggg0 ehgnhhf0',
  'hhhvhhh0 e44444e0 72222ic0 hikokih0 ggggggv0 hrllhhh0 hhpljhh0 ehhhhhe0',
  'uhhuggg0 ehhhlid0 uhhukih0 fgge11u0 v4444440 hhhhhhe0 hhhhha40 hhhllla0',
  'hha4ahh0 hhha4440 v1248gv0 e88888e0 0g842100 e22222e0 4ah00000 0000000v',
  '84200000 00e1fhf0 ggmphhu0 00egghe0 11djhhf0 00ehvge0 698s8880 00fhhf1e',
  'ggmphhh0 40c444e0 206222ic ggikoki0 c44444e0 00qllhh0 00mphhh0 00ehhhe0',
  '00uhhugg 00fhhf11 00mpggg0 00fge1u0 88s88960 00hhhjd0 00hhha40 00hhlla0',
  '00ha4ah0 00hhhf1e 00v248v0 24484420 44444440 84424480 008l2000',
]
  .join(' ')
  .split(' ')
  .map((word) => [...word].map((digit) => parseInt(digit, 32)));

/** `?` stands in for anything the font does not cover (control characters, non-ASCII). */
const FALLBACK = GLYPHS['?'.charCodeAt(0) - FIRST_CHAR]!;

/** The glyph's pixel rows (top first); bit 4 of each row is its leftmost pixel. */
export function glyphRows(char: string): readonly number[] {
  const code = char.charCodeAt(0);
  if (code < FIRST_CHAR || code > LAST_CHAR) return FALLBACK;
  return GLYPHS[code - FIRST_CHAR] ?? FALLBACK;
}
