/**
 * Advance widths (1/1000 em) of the PDF standard fonts Helvetica and Helvetica-Bold for
 * ASCII 32–126, from Adobe's Core 14 AFM files. Every PDF reader has these fonts, so the
 * poster's PDF embeds none and its text stays sharp at any zoom.
 */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** WinAnsiEncoding bytes of the punctuation outside Latin-1, with their widths (regular, bold). */
const WIN_ANSI: Record<string, [byte: number, regular: number, bold: number]> = {
  '€': [0x80, 556, 556],
  '…': [0x85, 1000, 1000],
  '‘': [0x91, 222, 278],
  '’': [0x92, 222, 278],
  '“': [0x93, 333, 500],
  '”': [0x94, 333, 500],
  '•': [0x95, 350, 350],
  '–': [0x96, 556, 556],
  '—': [0x97, 1000, 1000],
};

function base(ch: string): string {
  if (ch === '\u00a0') return ' ';
  const plain = ch.normalize('NFD').charAt(0);
  return plain.charCodeAt(0) >= 32 && plain.charCodeAt(0) < 127 ? plain : '?';
}

/** The WinAnsiEncoding byte of a character: Latin-1 maps to itself, the rest to its plain letter or "?". */
export function winAnsiByte(ch: string): number {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && ((code >= 32 && code < 127) || (code >= 0xa0 && code <= 0xff))) return code;
  return WIN_ANSI[ch]?.[0] ?? base(ch).charCodeAt(0);
}

export function helveticaWidth(text: string, bold: boolean): number {
  let width = 0;
  for (const ch of text) {
    const special = WIN_ANSI[ch];
    if (special) width += bold ? special[2] : special[1];
    else width += (bold ? BOLD : REGULAR)[base(ch).charCodeAt(0) - 32];
  }
  return width / 1000;
}
