import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { translatorFor } from '../../locales';
import { startDirectLineHarness, type DirectLineHarness } from '../channels/directline/support/directLineHarness';

const ROOT = join(__dirname, '..', '..');

describe('registerWebChat', () => {
  let h: DirectLineHarness;
  beforeAll(async () => {
    h = await startDirectLineHarness({});
  });
  afterAll(async () => {
    await h.close();
  });

  const page = async (query = '', headers: Record<string, string> = {}) => {
    const res = await fetch(`${h.url}/${query}`, { headers });
    return { res, html: await res.text() };
  };

  it('renders the page in Dutch by default, with title, description and labelled language buttons from the locales', async () => {
    const { res, html } = await page('', { 'Accept-Language': 'de-DE' });
    const t = translatorFor('nl');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain(`<title>${t('web:page.title')}</title>`);
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1');
    expect(html).toContain(`aria-label="${t('web:language.en')}" aria-pressed="false"`);
    expect(html).toContain(`aria-label="${t('web:language.nl')}" aria-pressed="true"`);
    expect(html).not.toMatch(/\{\{\w+\}\}/);
  });

  it('follows ?lang= first, then the browser language', async () => {
    expect((await page('?lang=en', { 'Accept-Language': 'nl' })).html).toContain('<html lang="en">');
    expect((await page('', { 'Accept-Language': 'fr;q=1, en-GB;q=0.8' })).html).toContain(`<title>${translatorFor('en')('web:page.title')}</title>`);
    expect((await page('?lang=xx', { 'Accept-Language': 'nl-BE' })).html).toContain('<html lang="nl">');
  });

  it('allows the page to contact only this server', async () => {
    const { res } = await page();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+;/);
  });

  it('serves Web Chat’s own UMD bundle from node_modules, compressed when the browser accepts it', async () => {
    const bundle = readFileSync(join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js'));
    const plain = await fetch(`${h.url}/webchat.js`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-type')).toMatch(/javascript/);
    expect(Buffer.from(await plain.arrayBuffer()).equals(bundle)).toBe(true);

    const { request } = await import('node:http');
    const gz = await new Promise<Buffer>((resolve, reject) => {
      request(`${h.url}/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        expect(res.headers['content-encoding']).toBe('gzip');
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
      })
        .on('error', reject)
        .end();
    });
    expect(gz.length).toBeLessThan(bundle.length / 2);
    expect(gunzipSync(gz).equals(bundle)).toBe(true);
  });

  it('serves the page texts per language as JSON, and nothing for other languages', async () => {
    for (const lng of ['nl', 'en']) {
      const res = await fetch(`${h.url}/locales/${lng}/web.json`);
      expect(await res.json()).toEqual(JSON.parse(readFileSync(join(ROOT, 'locales', lng, 'web.json'), 'utf8')));
    }
    expect((await fetch(`${h.url}/locales/de/web.json`)).status).toBe(404);
    expect((await fetch(`${h.url}/locales/nl/common.json`)).status).toBe(404);
  });

  it('serves the script, the styles and the Web Chat style options', async () => {
    for (const [path, type] of [
      ['/app.js', /javascript/],
      ['/styles.css', /text\/css/],
      ['/styleOptions.json', /json/],
    ] as const) {
      const res = await fetch(`${h.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
    }
  });
});
