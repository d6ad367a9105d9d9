import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphRows } from './font.js';
import jpeg from 'jpeg-js';
import { encodePng } from './png.js';
import { SCREEN_COLUMNS, SCREEN_ROWS, type ConsoleScreen } from './screen.js';

/**
 * Draws a console screen as a PNG the size of VGA text mode: 80 × 25 cells of 9 × 16 pixels,
 * 720 × 400. Each font pixel becomes two pixels wide (the extra one to its right, as VGA fonts are
 * drawn) and two tall, so the 5 × 8 font fills a 6 × 16 box inside the cell.
 */

export const CELL_WIDTH = 9;
export const CELL_HEIGHT = 16;
export const SCREENSHOT_WIDTH = SCREEN_COLUMNS * CELL_WIDTH;
export const SCREENSHOT_HEIGHT = SCREEN_ROWS * CELL_HEIGHT;

const GLYPH_LEFT = 1;
const VERTICAL_SCALE = CELL_HEIGHT / GLYPH_HEIGHT;

/** ECS answers JPEG by default (its documentation's examples are PNG, so viewers must check). */
export type ScreenshotFormat = 'jpeg' | 'png';

export function renderScreenshot(screen: ConsoleScreen, format: ScreenshotFormat = 'jpeg'): Buffer {
  const rgb = renderPixels(screen);
  return format === 'png' ? encodePng(SCREENSHOT_WIDTH, SCREENSHOT_HEIGHT, rgb) : encodeJpeg(rgb);
}

function encodeJpeg(rgb: Uint8Array): Buffer {
  const rgba = Buffer.alloc(SCREENSHOT_WIDTH * SCREENSHOT_HEIGHT * 4, 0xff);
  for (let source = 0, target = 0; source < rgb.length; source += 3, target += 4) {
    rgba[target] = rgb[source]!;
    rgba[target + 1] = rgb[source + 1]!;
    rgba[target + 2] = rgb[source + 2]!;
  }
  return Buffer.from(jpeg.encode({ data: rgba, width: SCREENSHOT_WIDTH, height: SCREENSHOT_HEIGHT }, 90).data);
}

/** The screen's pixels, three bytes (R, G, B) each, rows top to bottom: the PNG's and the VNC framebuffer's. */
export function renderPixels(screen: ConsoleScreen): Uint8Array {
  const rgb = new Uint8Array(SCREENSHOT_WIDTH * SCREENSHOT_HEIGHT * 3);
  fill(rgb, screen.background);
  screen.rows.slice(0, SCREEN_ROWS).forEach((row, rowIndex) => {
    [...row.slice(0, SCREEN_COLUMNS)].forEach((char, column) => {
      if (char !== ' ') drawGlyph(rgb, char, column * CELL_WIDTH, rowIndex * CELL_HEIGHT, screen.foreground);
    });
  });
  return rgb;
}

function fill(rgb: Uint8Array, [r, g, b]: readonly [number, number, number]): void {
  for (let i = 0; i < rgb.length; i += 3) {
    rgb[i] = r;
    rgb[i + 1] = g;
    rgb[i + 2] = b;
  }
}

function drawGlyph(rgb: Uint8Array, char: string, cellX: number, cellY: number, colour: readonly number[]): void {
  glyphRows(char).forEach((bits, glyphY) => {
    for (let glyphX = 0; glyphX < GLYPH_WIDTH; glyphX++) {
      if (!(bits & (1 << (GLYPH_WIDTH - 1 - glyphX)))) continue;
      for (let dy = 0; dy < VERTICAL_SCALE; dy++) {
        const y = cellY + glyphY * VERTICAL_SCALE + dy;
        setPixel(rgb, cellX + GLYPH_LEFT + glyphX, y, colour);
        setPixel(rgb, cellX + GLYPH_LEFT + glyphX + 1, y, colour);
      }
    }
  });
}

function setPixel(rgb: Uint8Array, x: number, y: number, [r, g, b]: readonly number[]): void {
  const offset = (y * SCREENSHOT_WIDTH + x) * 3;
  rgb[offset] = r!;
  rgb[offset + 1] = g!;
  rgb[offset + 2] = b!;
}
