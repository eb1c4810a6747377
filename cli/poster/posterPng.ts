import { encodePng } from '../pngEncoder';
import { drawBitmapText, measureBitmapText, type Canvas } from './bitmapFont';
import { A6, layoutPoster, QUIET_ZONE, type PosterContent, type PosterItem } from './posterLayout';

/** 300 dpi: what a print shop and an office printer expect for sharp text. */
export const POSTER_DPI = 300;
const PX_PER_MM = POSTER_DPI / 25.4;
const INK: [number, number, number] = [0, 0, 0];
const MUTED: [number, number, number] = [80, 80, 80];

/** The QR square in pixels: whole pixels per module, so every module prints the same size. */
export function qrPixels(item: Extract<PosterItem, { kind: 'qr' }>, modules: number): { x: number; y: number; module: number; side: number } {
  const box = Math.round(item.sizeMm * PX_PER_MM);
  const module = Math.floor(box / (modules + 2 * QUIET_ZONE));
  const side = module * (modules + 2 * QUIET_ZONE);
  return { x: Math.round(item.xMm * PX_PER_MM) + Math.floor((box - side) / 2), y: Math.round(item.yMm * PX_PER_MM) + Math.floor((box - side) / 2), module, side };
}

export function posterPngLayout(content: PosterContent): { width: number; height: number; items: PosterItem[] } {
  const measure = (text: string, sizeMm: number) => measureBitmapText(text, sizeMm * PX_PER_MM) / PX_PER_MM;
  return { width: Math.round(A6.widthMm * PX_PER_MM), height: Math.round(A6.heightMm * PX_PER_MM), items: layoutPoster(content, measure) };
}

/** The poster as a PNG at 300 dpi (1240 × 1748 pixels), white, with the QR code drawn module by module. */
export function renderPosterPng(content: PosterContent): Buffer {
  const { width, height, items } = posterPngLayout(content);
  const canvas: Canvas = { width, height, pixels: new Uint8Array(width * height * 4).fill(255) };
  for (const item of items) {
    if (item.kind === 'text') {
      const px = item.sizeMm * PX_PER_MM;
      const x = (width - measureBitmapText(item.text, px)) / 2;
      drawBitmapText(canvas, item.text, x, item.baselineMm * PX_PER_MM, px, item.tone === 'ink' ? INK : MUTED);
      continue;
    }
    const { size, dark } = content.modules;
    const q = qrPixels(item, size);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        if (!dark[row * size + col]) continue;
        const left = q.x + (col + QUIET_ZONE) * q.module;
        const top = q.y + (row + QUIET_ZONE) * q.module;
        for (let y = top; y < top + q.module; y++) canvas.pixels.fill(0, (y * width + left) * 4, (y * width + left + q.module) * 4);
      }
    }
    // The fill above blackened alpha too: every pixel stays opaque.
    for (let i = 3; i < canvas.pixels.length; i += 4) canvas.pixels[i] = 255;
  }
  return encodePng(canvas);
}
