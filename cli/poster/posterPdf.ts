import { deflateSync } from 'node:zlib';
import { helveticaWidth, winAnsiByte } from './helvetica';
import { A6, layoutPoster, QUIET_ZONE, type PosterContent } from './posterLayout';

const PT_PER_MM = 72 / 25.4;

/** A PDF string literal in WinAnsiEncoding: backslash, parentheses and bytes above 126 escaped. */
function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const b = winAnsiByte(ch);
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 32 || b > 126) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out})`;
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * The poster as a one-page A6 PDF written by hand: text in Helvetica (a standard font every
 * reader has), the QR code as a grey image of one pixel per module, scaled up without
 * interpolation so its edges stay sharp.
 */
export function renderPosterPdf(content: PosterContent): Buffer {
  const measure = (text: string, sizeMm: number, weight: 'bold' | 'regular') => helveticaWidth(text, weight === 'bold') * sizeMm;
  const items = layoutPoster(content, measure);
  const width = A6.widthMm * PT_PER_MM;
  const height = A6.heightMm * PT_PER_MM;
  const { size, dark } = content.modules;
  const side = size + 2 * QUIET_ZONE;
  const image = Buffer.alloc(side * side, 255);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) if (dark[row * size + col]) image[(row + QUIET_ZONE) * side + col + QUIET_ZONE] = 0;
  }

  const ops: string[] = [];
  for (const item of items) {
    if (item.kind === 'qr') {
      const s = item.sizeMm * PT_PER_MM;
      ops.push(`q ${n(s)} 0 0 ${n(s)} ${n(item.xMm * PT_PER_MM)} ${n(height - (item.yMm + item.sizeMm) * PT_PER_MM)} cm /QR Do Q`);
      continue;
    }
    const sizePt = item.sizeMm * PT_PER_MM;
    const x = (width - measure(item.text, item.sizeMm, item.weight) * PT_PER_MM) / 2;
    const grey = item.tone === 'ink' ? '0' : '0.31';
    ops.push(`BT ${grey} g /${item.weight === 'bold' ? 'FB' : 'FR'} ${n(sizePt)} Tf ${n(x)} ${n(height - item.baselineMm * PT_PER_MM)} Td ${pdfString(item.text)} Tj ET`);
  }
  const contents = deflateSync(Buffer.from(ops.join('\n'), 'latin1'));
  const pixels = deflateSync(image);

  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${n(width)} ${n(height)}] /Contents 4 0 R /Resources << /Font << /FR 5 0 R /FB 6 0 R >> /XObject << /QR 7 0 R >> >> >>`,
    ),
    stream(`<< /Length ${contents.length} /Filter /FlateDecode >>`, contents),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>'),
    stream(
      `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Interpolate false /Filter /FlateDecode /Length ${pixels.length} >>`,
      pixels,
    ),
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(obj);
    offset += obj.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  chunks.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(chunks);
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${dict}\nstream\n`), data, Buffer.from('\nendstream')]);
}
