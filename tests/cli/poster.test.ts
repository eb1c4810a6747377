import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PNG, type DecodedPng } from 'pngjs';
import QRCode from 'qrcode';
import { translatorFor } from '../../locales';
import { adaptiveCardProblems } from '../helpers/adaptiveCard';
import { tempDataDir } from '../helpers/botHttp';
import { runCli } from '../helpers/cliRun';

const BASE = 'https://hoormij.example.org';

/**
 * Reads the QR code back from the poster's pixels alone: the first row with a long black run is
 * the top of the finder patterns (7 modules), the last black pixel of that row ends the code.
 */
function qrFromPixels(png: DecodedPng): { size: number; dark: boolean[] } {
  const black = (x: number, y: number) => png.data[(y * png.width + x) * 4] < 100;
  for (let y = 0; y < png.height; y++) {
    let x = 0;
    while (x < png.width && !black(x, y)) x++;
    let run = 0;
    while (x + run < png.width && black(x + run, y)) run++;
    if (run < 90) continue;
    const module = run / 7;
    let end = png.width - 1;
    while (!black(end, y)) end--;
    const size = Math.round((end + 1 - x) / module);
    const dark: boolean[] = [];
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) dark.push(black(Math.floor(x + (col + 0.5) * module), Math.floor(y + (row + 0.5) * module)));
    }
    return { size, dark };
  }
  throw new Error('no QR code found');
}

function matrixOf(link: string): { size: number; dark: boolean[] } {
  const m = QRCode.create(link, { errorCorrectionLevel: 'M' }).modules;
  return { size: m.size, dark: Array.from(m.data as Uint8Array, (v) => v === 1) };
}

/** The objects of a PDF at the offsets its xref table gives; fails on a wrong offset. */
function pdfObjects(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  const xref = text.slice(start).split('\n');
  expect(xref[0]).toBe('xref');
  const count = Number(xref[1].split(' ')[1]);
  return xref.slice(3, 2 + count).map((line, i) => {
    const offset = Number(line.slice(0, 10));
    expect(text.slice(offset, offset + 10)).toMatch(new RegExp(`^${i + 1} 0 obj\\n`));
    return text.slice(offset, text.indexOf('endobj', offset));
  });
}

function streamOf(obj: string): Buffer {
  const body = obj.slice(obj.indexOf('stream\n') + 7, obj.lastIndexOf('\nendstream'));
  return inflateSync(Buffer.from(body, 'latin1'));
}

describe('hoormij qr --poster', () => {
  const dataDir = tempDataDir();
  let code: string;

  beforeAll(async () => {
    const r = await runCli(['code', '--project', 'vlaanderen-demo', '--team', 'leefgroep-1'], { DATA_DIR: dataDir });
    code = r.stdout.trim();
  });

  it('writes an A6 PNG and PDF in Dutch and English whose QR code opens the session link', async () => {
    const stem = join(dataDir, 'poster');
    const r = await runCli(['qr', '--code', code, '--poster', '--out', stem, '--base-url', BASE], { DATA_DIR: dataDir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const link = `${BASE}/?code=${code}`;
    expect(r.stdout).toContain(link);
    for (const lang of ['nl', 'en'] as const) {
      const png = PNG.sync.read(readFileSync(`${stem}-${lang}.png`));
      // A6 at 300 dpi
      expect([png.width, png.height]).toEqual([1240, 1748]);
      expect(qrFromPixels(png)).toEqual(matrixOf(link));

      const objects = pdfObjects(readFileSync(`${stem}-${lang}.pdf`));
      expect(objects[2]).toContain('/MediaBox [0 0 297.64 419.53]');
      const t = translatorFor(lang);
      const content = streamOf(objects[3]).toString('latin1');
      const project = lang === 'nl' ? 'Demo residenti\\353le jeugdhulp Vlaanderen' : 'Flanders residential care demo';
      for (const shown of [t('poster:title'), `(${code})`, project, `start\\240${code}`, t('poster:privacy').split(' ')[0]]) expect(content).toContain(shown);
      const image = /\/Width (\d+)/.exec(objects[6])!;
      const side = Number(image[1]);
      const pixels = streamOf(objects[6]);
      const { size, dark } = matrixOf(link);
      expect(side).toBe(size + 8);
      const read = Array.from({ length: size * size }, (_, i) => pixels[(Math.floor(i / size) + 4) * side + (i % size) + 4] === 0);
      expect(read).toEqual(dark);
    }
  });

  it('makes one language with --lang and says when the link only works on this computer', async () => {
    const stem = join(dataDir, 'alleen-nl');
    const r = await runCli(['qr', '--code', code, '--poster', '--out', stem, '--lang', 'nl'], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(translatorFor('nl')('sessionCode:link.missing', { url: `http://localhost:3978/?code=${code}` }));
    expect(() => readFileSync(`${stem}-en.png`)).toThrow();
    expect(readFileSync(`${stem}-nl.pdf`).subarray(0, 8).toString()).toBe('%PDF-1.4');
  });

  it('refuses a code this installation did not make', async () => {
    const r = await runCli(['qr', '--code', 'ZZZZZZ', '--poster'], { DATA_DIR: dataDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ZZZZZZ');
  });
});

describe('links made without a public https address', () => {
  it('qr warns when PUBLIC_BASE_URL is missing, and when it is not https', async () => {
    const nl = translatorFor('nl');
    const missing = await runCli(['qr', '--code', 'K7PX4M'], { DATA_DIR: tempDataDir() });
    expect(missing.stderr).toContain(nl('sessionCode:link.missing', { url: 'http://localhost:3978/?code=K7PX4M' }));
    const plain = await runCli(['qr', '--code', 'K7PX4M'], { DATA_DIR: tempDataDir(), PUBLIC_BASE_URL: 'http://hoormij.example.org' });
    expect(plain.stderr).toContain(nl('sessionCode:link.notHttps', { url: 'http://hoormij.example.org/?code=K7PX4M' }));
    const fine = await runCli(['qr', '--code', 'K7PX4M'], { DATA_DIR: tempDataDir(), PUBLIC_BASE_URL: BASE });
    expect(fine.stderr).toBe('');
  });
});

describe('hoormij code --card', () => {
  it('prints the Teams card as Adaptive Card JSON, with the warning on stderr when the link is local', async () => {
    const r = await runCli(['code', '--project', 'demo', '--team', 'wijkteam-zuid', '--card', '--lang', 'en'], { DATA_DIR: tempDataDir() });
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(adaptiveCardProblems(card)).toEqual([]);
    const en = translatorFor('en');
    expect(JSON.stringify(card)).toContain(en('sessionCode:card.title', { team: 'wijkteam-zuid' }));
    expect(r.stderr).toContain(en('sessionCode:link.missing', { url: '' }).split('(')[0]);
    expect(JSON.stringify(card)).toContain(en('sessionCode:link.missing', { url: '' }).split('(')[0]);
    const fine = await runCli(['code', '--project', 'demo', '--card'], { DATA_DIR: tempDataDir(), PUBLIC_BASE_URL: BASE });
    expect(fine.stderr).toBe('');
    expect(fine.stdout).toContain(`${BASE}/?code=`);
  });

  it('refuses --card with more than one code', async () => {
    const r = await runCli(['code', '--project', 'demo', '--card', '--count', '2'], { DATA_DIR: tempDataDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--count');
  });
});
