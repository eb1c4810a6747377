#!/usr/bin/env node
/*
 * Bakes cli/poster/font.json, the bitmap font the printable poster's PNG is drawn with (the PDF
 * uses the PDF standard font Helvetica and needs none). Run by hand when the glyph set changes:
 *   node scripts/bakePosterFont.js [chromium path]
 * It draws DejaVu Sans Bold (the system font, Bitstream Vera licence: see
 * cli/poster/LICENSE-DejaVu.txt) at 64 px in headless Chromium and stores each glyph's 8-bit
 * coverage, deflated. Nothing at run time needs Chromium or the font file.
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { deflateSync } = require('node:zlib');
const { chromium } = require('playwright-core');

const SIZE = 64;
const chars = [];
for (let c = 32; c < 127; c++) chars.push(String.fromCharCode(c));
for (let c = 0xc0; c <= 0xff; c++) if (c !== 0xd7 && c !== 0xf7) chars.push(String.fromCharCode(c));
chars.push(...'€–—…‘’“”•·«»');

(async () => {
  const browser = await chromium.launch({ executablePath: process.argv[2] || '/usr/bin/chromium' });
  const page = await browser.newPage();
  const baked = await page.evaluate(
    ({ chars, size }) => {
      const canvas = document.createElement('canvas');
      const ctx = canvas.getContext('2d');
      const font = `bold ${size}px "DejaVu Sans"`;
      ctx.font = font;
      const probe = ctx.measureText('Hg');
      const glyphs = [];
      for (const ch of chars) {
        ctx.font = font;
        const m = ctx.measureText(ch);
        const left = Math.ceil(m.actualBoundingBoxLeft) + 1;
        const w = Math.max(1, left + Math.ceil(m.actualBoundingBoxRight) + 1);
        const up = Math.ceil(m.actualBoundingBoxAscent) + 1;
        const h = Math.max(1, up + Math.ceil(m.actualBoundingBoxDescent) + 1);
        canvas.width = w;
        canvas.height = h;
        ctx.font = font;
        ctx.fillStyle = '#000';
        ctx.fillText(ch, left, up);
        const data = ctx.getImageData(0, 0, w, h).data;
        const alpha = [];
        for (let i = 3; i < data.length; i += 4) alpha.push(data[i]);
        glyphs.push({ ch, advance: m.width, x: -left, y: -up, w, h, alpha });
      }
      return { ascent: probe.fontBoundingBoxAscent, descent: probe.fontBoundingBoxDescent, glyphs };
    },
    { chars, size: SIZE },
  );
  await browser.close();
  const atlas = [];
  const glyphs = baked.glyphs.map((g) => {
    const entry = [g.ch, Math.round(g.advance * 100) / 100, g.x, g.y, g.w, g.h, atlas.length];
    atlas.push(...g.alpha);
    return entry;
  });
  const out = {
    source: 'DejaVu Sans Bold (Bitstream Vera licence, DejaVu changes public domain; see LICENSE-DejaVu.txt), drawn at 64 px by scripts/bakePosterFont.js',
    size: SIZE,
    ascent: baked.ascent,
    descent: baked.descent,
    glyphs,
    atlas: deflateSync(Buffer.from(atlas), { level: 9 }).toString('base64'),
  };
  writeFileSync(join(__dirname, '..', 'cli', 'poster', 'font.json'), `${JSON.stringify(out)}\n`);
  console.log(`${glyphs.length} glyphs, atlas ${atlas.length} bytes`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
