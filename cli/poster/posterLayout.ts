/** A6 portrait, the size of a postcard: fits a notice board, a waiting-room table, a wallet. */
export const A6 = { widthMm: 105, heightMm: 148 } as const;
const MARGIN_MM = 8;
const TEXT_WIDTH_MM = A6.widthMm - 2 * MARGIN_MM;
const QR_MM = 60;

export interface PosterContent {
  title: string;
  projectName: string;
  code: string;
  line1: string;
  line2: string;
  privacy: string;
  /** The QR code's modules, row by row (true is dark), `size` on a side, without quiet zone. */
  modules: { size: number; dark: boolean[] };
}

export type Weight = 'bold' | 'regular';
/** Width of `text` in mm at a font size of `sizeMm` (the em), in the renderer's own font. */
export type Measure = (text: string, sizeMm: number, weight: Weight) => number;

export type PosterItem =
  | { kind: 'text'; text: string; sizeMm: number; baselineMm: number; weight: Weight; tone: 'ink' | 'muted' }
  /** The square the QR code fills, quiet zone included. */
  | { kind: 'qr'; xMm: number; yMm: number; sizeMm: number };

/** Ties the last two words together (a no-break space), so "start K7PX4M" never breaks. */
export function keepLastWordsTogether(text: string): string {
  return text.replace(/ (\S+)$/, '\u00a0$1');
}

/** Greedy word wrap on spaces (not on no-break spaces); a word longer than the line gets a line of its own. */
export function wrap(text: string, sizeMm: number, weight: Weight, measure: Measure, widthMm = TEXT_WIDTH_MM): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, sizeMm, weight) > widthMm) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Where everything goes, top to bottom, in millimetres from the top left; the PNG and the PDF
 * draw the same list, each measuring text in its own font. Every text line is centred.
 */
export function layoutPoster(c: PosterContent, measure: Measure): PosterItem[] {
  const items: PosterItem[] = [];
  let y = MARGIN_MM;
  const block = (text: string, sizeMm: number, weight: Weight, tone: 'ink' | 'muted', leading = 1.3) => {
    for (const line of wrap(text, sizeMm, weight, measure)) {
      items.push({ kind: 'text', text: line, sizeMm, baselineMm: y + sizeMm * 0.8, weight, tone });
      y += sizeMm * leading;
    }
  };
  block(c.title, 6.2, 'bold', 'ink', 1.2);
  block(c.projectName, 3.8, 'regular', 'muted', 1.25);
  y += 1;
  items.push({ kind: 'qr', xMm: (A6.widthMm - QR_MM) / 2, yMm: y, sizeMm: QR_MM });
  y += QR_MM + 1;
  block(c.code, 12, 'bold', 'ink', 1.1);
  y += 1;
  block(c.line1, 3.6, 'regular', 'ink', 1.25);
  block(c.line2, 3.6, 'regular', 'ink', 1.25);
  y += 2;
  block(c.privacy, 2.9, 'regular', 'muted', 1.25);
  return items;
}

/** The QR modules with a quiet zone of 4 modules on every side, as scanners need. */
export const QUIET_ZONE = 4;
