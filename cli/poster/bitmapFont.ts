import { inflateSync } from 'node:zlib';
import font from './font.json';

/**
 * The poster PNG's text: glyph coverage baked from DejaVu Sans Bold at 64 px
 * (scripts/bakePosterFont.js), scaled with bilinear sampling. No font rasteriser, no package.
 */
interface Glyph {
  advance: number;
  x: number;
  y: number;
  w: number;
  h: number;
  offset: number;
}

let loaded: { glyphs: Map<string, Glyph>; atlas: Buffer } | undefined;

function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const glyphs = new Map<string, Glyph>();
  for (const [ch, advance, x, y, w, h, offset] of font.glyphs as [string, number, number, number, number, number, number][]) {
    glyphs.set(ch, { advance, x, y, w, h, offset });
  }
  loaded = { glyphs, atlas: inflateSync(Buffer.from(font.atlas, 'base64')) };
  return loaded;
}

/** A character the font lacks: its letter without accents, else a question mark. */
function glyphOf(ch: string): Glyph {
  const { glyphs } = load();
  if (ch === '\u00a0') return glyphs.get(' ')!;
  return glyphs.get(ch) ?? glyphs.get(ch.normalize('NFD').charAt(0)) ?? glyphs.get('?')!;
}

/** Width in pixels at a font size (em) of `px`. */
export function measureBitmapText(text: string, px: number): number {
  let width = 0;
  for (const ch of text) width += glyphOf(ch).advance;
  return (width * px) / font.size;
}

export interface Canvas {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

/** Draws `text` with its baseline at `baseline` and its pen starting at `x`, blending over the canvas. */
export function drawBitmapText(canvas: Canvas, text: string, x: number, baseline: number, px: number, rgb: [number, number, number]): void {
  const { atlas } = load();
  const scale = px / font.size;
  let pen = x;
  for (const ch of text) {
    const g = glyphOf(ch);
    const left = pen + g.x * scale;
    const top = baseline + g.y * scale;
    const x0 = Math.max(0, Math.floor(left));
    const y0 = Math.max(0, Math.floor(top));
    const x1 = Math.min(canvas.width, Math.ceil(left + g.w * scale));
    const y1 = Math.min(canvas.height, Math.ceil(top + g.h * scale));
    const at = (sx: number, sy: number) => (sx < 0 || sy < 0 || sx >= g.w || sy >= g.h ? 0 : atlas[g.offset + sy * g.w + sx]);
    for (let dy = y0; dy < y1; dy++) {
      const v = (dy + 0.5 - top) / scale - 0.5;
      const sy = Math.floor(v);
      const fy = v - sy;
      for (let dx = x0; dx < x1; dx++) {
        const u = (dx + 0.5 - left) / scale - 0.5;
        const sx = Math.floor(u);
        const fx = u - sx;
        const cover =
          (at(sx, sy) * (1 - fx) + at(sx + 1, sy) * fx) * (1 - fy) + (at(sx, sy + 1) * (1 - fx) + at(sx + 1, sy + 1) * fx) * fy;
        if (cover <= 0) continue;
        const a = cover / 255;
        const i = (dy * canvas.width + dx) * 4;
        for (let c = 0; c < 3; c++) canvas.pixels[i + c] = Math.round(canvas.pixels[i + c] * (1 - a) + rgb[c] * a);
      }
    }
    pen += g.advance * scale;
  }
}
