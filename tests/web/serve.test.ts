import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
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
    expect(html).toContain(`aria-pressed="false"><span class="short">${t('web:language.enShort')}</span><span class="visually-hidden"> ${t('web:language.en')}</span>`);
    expect(html).toContain(`aria-pressed="true"><span class="short">${t('web:language.nlShort')}</span><span class="visually-hidden"> ${t('web:language.nl')}</span>`);
    expect(html).not.toMatch(/\{\{\w+\}\}/);
  });

  it('follows ?lang= first, then the browser language', async () => {
    expect((await page('?lang=en', { 'Accept-Language': 'nl' })).html).toContain('<html lang="en">');
    expect((await page('', { 'Accept-Language': 'fr;q=1, en-GB;q=0.8' })).html).toContain(`<title>${translatorFor('en')('web:page.title')}</title>`);
    expect((await page('?lang=xx', { 'Accept-Language': 'nl-BE' })).html).toContain('<html lang="nl">');
  });

  it('allows the page to contact only this server, and to run only its own inlined script', async () => {
    const { res, html } = await page();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    const script = readFileSync(join(ROOT, 'web', 'app.js'), 'utf8');
    expect(html).toContain(`<script>${script}</script>`);
    expect(csp).toContain(`script-src 'self' 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+;/);
  });

  it('sends the first question’s page in one response: styles, script and the texts of every language inline', async () => {
    const { html } = await page();
    expect(html).not.toMatch(/<script src=|<link rel="stylesheet"/);
    const json = /<script type="application\/json" id="hoormij-page">([^<]*)<\/script>/.exec(html);
    const boot = JSON.parse(json![1]) as { lang: string; texts: Record<string, { chat: { placeholder: string } }>; phoneNumbers: string[] };
    expect(boot.lang).toBe('nl');
    expect(boot.texts.en.chat.placeholder).toBe(translatorFor('en')('web:chat.placeholder'));
    expect(boot.phoneNumbers).toEqual(expect.arrayContaining(['0800-0432', '112', '1813']));
    expect(html).toContain(`href="/privacy?lang=nl">${translatorFor('nl')('web:page.privacy')}</a>`);
  });

  it('sends the page brotli- or gzip-compressed, and only headers when the browser’s copy is current', async () => {
    const { request } = await import('node:http');
    const get = (headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request(`${h.url}/`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    const plain = await get({ 'Accept-Encoding': 'identity' });
    const br = await get({ 'Accept-Encoding': 'gzip, deflate, br' });
    const gz = await get({ 'Accept-Encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    const again = await get({ 'Accept-Encoding': 'br', 'If-None-Match': String(br.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('serves Web Chat’s own UMD bundle from node_modules for embedding organisations, compressed when the browser accepts it', async () => {
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

  it('serves the service worker and, for organisations embedding Microsoft’s Web Chat, its style options', async () => {
    for (const [path, type] of [
      ['/sw.js', /javascript/],
      ['/styleOptions.json', /json/],
    ] as const) {
      const res = await fetch(`${h.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
    }
  });
});
