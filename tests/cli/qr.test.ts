import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { PNG, type DecodedPng } from 'pngjs';
import QRCode from 'qrcode';
import { UsageError } from '../../cli/args';
import { runQr, sessionLink } from '../../cli/qr';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { stream, text: () => text };
}

/** Reads the module grid back from the PNG: one sample in the middle of every module. */
function modulesOf(png: DecodedPng, size: number, margin: number): boolean[] {
  const scale = png.width / (size + 2 * margin);
  const dark: boolean[] = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = Math.floor((col + margin + 0.5) * scale);
      const y = Math.floor((row + margin + 0.5) * scale);
      dark.push(png.data[(y * png.width + x) * 4] < 128);
    }
  }
  return dark;
}

describe('hoormij qr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoormij-qr-'));

  it('builds the session link from the base URL and the code', () => {
    expect(sessionLink('https://hoormij.example.org/', 'K7PX4M')).toBe('https://hoormij.example.org/?code=K7PX4M');
  });

  it('prints a terminal QR code and the link', async () => {
    const out = capture();
    expect(await runQr({ code: 'k7px-4m', baseUrl: 'http://localhost:3978' }, out.stream)).toBe(0);
    const lines = out.text().trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe('http://localhost:3978/?code=K7PX4M');
    expect(lines.length).toBeGreaterThan(10);
    expect(out.text()).toMatch(/[█▀▄]/);
  });

  it('writes a PNG whose modules encode the session link', async () => {
    const file = join(dir, 'code.png');
    const out = capture();
    expect(await runQr({ code: 'K7PX4M', baseUrl: 'https://hoormij.example.org', out: file }, out.stream)).toBe(0);
    expect(out.text()).toContain('https://hoormij.example.org/?code=K7PX4M');
    const png = PNG.sync.read(readFileSync(file));
    const expected = QRCode.create('https://hoormij.example.org/?code=K7PX4M', { errorCorrectionLevel: 'M' }).modules;
    const grid = Array.from(expected.data as Uint8Array, (v) => v === 1);
    expect(modulesOf(png, expected.size, 4)).toEqual(grid);
  });

  it('writes an SVG when the file ends in .svg', async () => {
    const file = join(dir, 'code.svg');
    expect(await runQr({ code: 'K7PX4M', baseUrl: 'https://hoormij.example.org', out: file }, capture().stream)).toBe(0);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<path');
  });

  it.each([
    ['a code with an ambiguous letter', { code: 'K7PX4O', baseUrl: 'http://localhost:3978' }],
    ['a code of the wrong length', { code: 'K7PX4', baseUrl: 'http://localhost:3978' }],
    ['a base URL that is not http(s)', { code: 'K7PX4M', baseUrl: 'ftp://example.org' }],
    ['a base URL with a query', { code: 'K7PX4M', baseUrl: 'http://localhost:3978/?x=1' }],
    ['an output that is not .png or .svg', { code: 'K7PX4M', baseUrl: 'http://localhost:3978', out: join(tmpdir(), 'code.jpg') }],
  ])('refuses %s with a usage error', async (_what, args) => {
    await expect(runQr(args, capture().stream)).rejects.toThrow(UsageError);
  });

  it('explains a bad code in the chosen language', async () => {
    await expect(runQr({ code: 'XXXXX1', baseUrl: 'http://localhost:3978', lang: 'en' }, capture().stream)).rejects.toThrow(/is not a session code/);
    await expect(runQr({ code: 'XXXXX1', baseUrl: 'http://localhost:3978' }, capture().stream)).rejects.toThrow(/is geen sessiecode/);
  });
});
