import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { UsageError } from '../../cli/args';
import { crc32 } from '../../cli/storeZip';
import { runTeamsPackage } from '../../cli/teamsPackage';
import { tempDataDir } from '../helpers/botHttp';
import { runCli } from '../helpers/cliRun';

const BOT_ID = '0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d';
const sink = () => ({ text: '', write(c: string) { this.text += c; return true; } });

/** Width, height and decoded pixel bytes of a PNG, read the way any decoder would. */
function readPng(buf: Buffer): { width: number; height: number; colourType: number; raw: Buffer } {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Buffer[] = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('ascii', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    expect(buf.readUInt32BE(at + 8 + len)).toBe(crc32(buf.subarray(at + 4, at + 8 + len)));
    if (type === 'IHDR') [width, height, colourType] = [data.readUInt32BE(0), data.readUInt32BE(4), data[9]];
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  return { width, height, colourType, raw: inflateSync(Buffer.concat(idat)) };
}

describe('npx hoormij teams-package', () => {
  it('writes a zip that unzip accepts, with the manifest, nl strings and both icons', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoormij-teams-'));
    const file = join(dir, 'app.zip');
    const out = sink();
    expect(await runTeamsPackage({ botId: BOT_ID, out: file, baseUrl: 'https://hoormij.example.nl/bot/' }, out as unknown as NodeJS.WritableStream)).toBe(0);
    expect(out.text).toContain(file);

    // the system's unzip checks every CRC and size
    execFileSync('unzip', ['-tq', file]);
    execFileSync('unzip', ['-q', file, '-d', join(dir, 'x')]);
    const manifest = JSON.parse(readFileSync(join(dir, 'x', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      manifestVersion: '1.22',
      id: BOT_ID,
      developer: { websiteUrl: 'https://hoormij.example.nl/bot/', privacyUrl: 'https://hoormij.example.nl/bot/privacy' },
      validDomains: ['hoormij.example.nl'],
      localizationInfo: { defaultLanguageTag: 'en', additionalLanguages: [{ languageTag: 'nl', file: 'nl.json' }] },
    });
    expect(manifest.$schema).toContain('/v1.22/');
    expect(manifest.bots[0]).toMatchObject({ botId: BOT_ID, scopes: ['personal', 'team'] });
    const titles = manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(titles).toEqual(expect.arrayContaining(['digest subscribe', 'digest now', 'digest unsubscribe']));
    expect(JSON.stringify(manifest)).not.toContain('{{');

    const nl = JSON.parse(readFileSync(join(dir, 'x', 'nl.json'), 'utf8'));
    expect(nl['bots[0].commandLists[0].commands[0].title']).toBe('digest aanmelden');

    const color = readPng(readFileSync(join(dir, 'x', 'color.png')));
    expect([color.width, color.height, color.colourType]).toEqual([192, 192, 6]);
    expect(color.raw.length).toBe((192 * 4 + 1) * 192);
    const outline = readPng(readFileSync(join(dir, 'x', 'outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // Teams wants the outline white on transparent: every pixel that shows at all is white
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const i = y * (32 * 4 + 1) + 1 + x * 4;
        if (outline.raw[i + 3] > 0) expect([outline.raw[i], outline.raw[i + 1], outline.raw[i + 2]]).toEqual([255, 255, 255]);
      }
    }
  });

  it('refuses a bot id that is not a Microsoft App ID', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hoormij-teams-')), 'app.zip');
    await expect(runTeamsPackage({ botId: 'my-bot', out: file }, sink() as unknown as NodeJS.WritableStream)).rejects.toThrow(UsageError);
  });

  it('warns when the links would not be https', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hoormij-teams-')), 'app.zip');
    const out = sink();
    await runTeamsPackage({ botId: BOT_ID, out: file, baseUrl: 'http://localhost:3978' }, out as unknown as NodeJS.WritableStream);
    expect(out.text).toContain('https');
  });

  it('names every option in its usage line, in both languages, when the bot id is missing', async () => {
    for (const lang of ['nl', 'en']) {
      const r = await runCli(['teams-package'], { DATA_DIR: tempDataDir(), DEFAULT_LOCALE: lang, MicrosoftAppId: '' });
      expect(r.code).toBe(2);
      for (const option of ['--bot-id', '--base-url', '--out']) expect(r.stderr).toContain(option);
    }
  });
});

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
