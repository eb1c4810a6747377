import type { Rgba } from './pngEncoder';

/** HoorMij's colours: deep teal with a warm accent. */
export const HOORMIJ_COLOURS = { primary: '#1F6F78', accent: '#F2A65A', light: '#FFFFFF' } as const;

type Colour = [number, number, number, number];

function hex(c: string, alpha = 255): Colour {
  return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16), alpha];
}

/** Paints a shape over the image, 4×4 supersampled so edges stay smooth at 32 pixels. */
function paint(img: Rgba, colour: Colour, inside: (x: number, y: number) => boolean): void {
  for (let py = 0; py < img.height; py++) {
    for (let px = 0; px < img.width; px++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside((px + (sx + 0.5) / 4) / img.width, (py + (sy + 0.5) / 4) / img.height)) hits++;
      if (hits === 0) continue;
      const a = (hits / 16) * (colour[3] / 255);
      const i = (py * img.width + px) * 4;
      const under = img.pixels[i + 3] / 255;
      const out = a + under * (1 - a);
      for (let ch = 0; ch < 3; ch++) {
        img.pixels[i + ch] = out === 0 ? 0 : Math.round((colour[ch] * a + img.pixels[i + ch] * under * (1 - a)) / out);
      }
      img.pixels[i + 3] = Math.round(out * 255);
    }
  }
}

/** A speech bubble with a tail, in unit coordinates (0..1). */
function bubble(x: number, y: number): boolean {
  const [l, t, r, b, rad] = [0.18, 0.2, 0.82, 0.68, 0.14];
  const cx = Math.min(Math.max(x, l + rad), r - rad);
  const cy = Math.min(Math.max(y, t + rad), b - rad);
  const inBox = x >= l && x <= r && y >= t && y <= b && (x - cx) ** 2 + (y - cy) ** 2 <= rad ** 2;
  // the tail: a triangle under the left of the bubble
  const inTail = y >= b - 0.02 && y <= 0.84 && x >= 0.3 && x <= 0.3 + (0.84 - y) * 1.1 && x <= 0.48;
  return inBox || inTail;
}

/** Three dots in the bubble: someone is saying something. */
function dots(x: number, y: number): boolean {
  return [0.34, 0.5, 0.66].some((cx) => (x - cx) ** 2 + (y - 0.44) ** 2 <= 0.055 ** 2);
}

function blank(size: number): Rgba {
  return { width: size, height: size, pixels: new Uint8Array(size * size * 4) };
}

/** The 192×192 full-colour icon: a white bubble on teal with warm dots. */
export function colorIcon(size = 192): Rgba {
  const img = blank(size);
  paint(img, hex(HOORMIJ_COLOURS.primary), () => true);
  paint(img, hex(HOORMIJ_COLOURS.light), bubble);
  paint(img, hex(HOORMIJ_COLOURS.accent), dots);
  return img;
}

/** The 32×32 outline icon: Teams wants white on transparent. */
export function outlineIcon(size = 32): Rgba {
  const img = blank(size);
  paint(img, hex(HOORMIJ_COLOURS.light), (x, y) => bubble(x, y) && !dots(x, y));
  return img;
}
