import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningApp } from '../../bot/app';
import { buildManifest } from '../../cli/teamsPackage';
import { translatorFor } from '../../locales';
import { emulatorUser, ROOT, startTestApp } from '../helpers/botHttp';

/** What a person reads: the page's text without tags, with entities decoded. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, ' ');
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&#(\d+);/g, (_x, n: string) => String.fromCharCode(Number(n))));

describe('the privacy and terms pages', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ RETENTION_DAYS: '200', K_ANONYMITY: '7', PUBLIC_BASE_URL: 'https://hoormij.example.org' });
  });
  afterAll(async () => app.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}${path}`, { headers });
    return { res, html: await res.text() };
  };

  it.each(['nl', 'en'] as const)('says in %s what is stored, who sees it, how long, the rights with their chat commands, and the helplines', async (lng) => {
    const t = translatorFor(lng);
    const { res, html } = await get(`/privacy?lang=${lng}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(html).toContain(`<html lang="${lng}">`);
    const text = visibleText(html);
    expect(text).toContain(t('legal:privacy.title'));
    expect(text).toContain(t('legal:privacy.stored.answers'));
    expect(text).toContain(t('legal:privacy.who.leads', { k: '7' }));
    expect(text).toContain(t('legal:privacy.retention.text', { days: '200' }));
    for (const word of ['myData', 'erase', 'stop']) expect(text).toContain(t(`commands:words.${word}`).split('|')[0]);
    expect(text).toContain(lng === 'nl' ? 'mijn gegevens' : 'my data');
    // The organisation from config/organisation.json, marked as demo values.
    expect(text).toContain('Jeugdhulp Voorbeeldstad (demo)');
    expect(text).toContain(t('legal:demo', { organisation: 'Jeugdhulp Voorbeeldstad (demo)' }));
    expect(hrefs(html)).toEqual(expect.arrayContaining(['mailto:privacy@example.org', 'mailto:servicepunt@example.org', 'tel:0201234567']));
    // The demo project is Dutch: De Kindertelefoon and 112 as tap-to-call links.
    expect(text).toContain('De Kindertelefoon');
    expect(hrefs(html)).toEqual(expect.arrayContaining(['tel:08000432', 'tel:112', 'tel:102']));
    expect(html).not.toMatch(/\{\{\w+\}\}/);
  });

  it.each(['nl', 'en'] as const)('gives the terms of use in %s: voluntary, not a helpline, how to stop', async (lng) => {
    const t = translatorFor(lng);
    const { res, html } = await get(`/terms?lang=${lng}`);
    expect(res.status).toBe(200);
    const text = visibleText(html);
    expect(text).toContain(t('legal:terms.title'));
    expect(text).toContain(t('legal:terms.use.voluntary'));
    expect(text).toContain(t('legal:terms.notHelpline.heading'));
    expect(hrefs(html)).toEqual(expect.arrayContaining(['tel:112', `/privacy?lang=${lng}`, `/?lang=${lng}`]));
  });

  it('follows ?lang= first, then the browser language, then the default', async () => {
    expect((await get('/privacy?lang=en', { 'Accept-Language': 'nl-NL' })).html).toContain('<html lang="en">');
    expect((await get('/privacy', { 'Accept-Language': 'en-GB,en;q=0.9' })).html).toContain('<html lang="en">');
    expect((await get('/terms', { 'Accept-Language': 'de' })).html).toContain('<html lang="nl">');
  });

  it("answers 200 at the Teams manifest's privacyUrl and termsOfUseUrl", async () => {
    const manifest = JSON.parse(
      buildManifest(readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8'), '0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d', app.url),
    ) as { developer: { privacyUrl: string; termsOfUseUrl: string } };
    for (const url of [manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) {
      const res = await fetch(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(await res.text()).toContain('<h1>');
    }
    expect((await fetch(`${app.url}/legal.css`)).status).toBe(200);
  });

  it('is linked from the welcome text, in the language of the chat', async () => {
    for (const [locale, lng] of [['nl-NL', 'nl'], ['en-US', 'en']] as const) {
      const r = await emulatorUser(app.url, `legal-${lng}`, locale).send('hallo');
      const link = r.replies.map((a) => a.text ?? '').join('\n').match(/https:\/\/hoormij\.example\.org(\/privacy\?lang=\w+)/);
      expect(link?.[1]).toBe(`/privacy?lang=${lng}`);
      expect((await get(link![1])).res.status).toBe(200);
    }
  });
});

describe('the pages of an organisation that filled in its own details', () => {
  it('show them without the demo notice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoormij-config-'));
    for (const f of ['themes.json', 'question-sets.json', 'projects.json']) copyFileSync(join(ROOT, 'config', f), join(dir, f));
    const org = {
      demo: false,
      name: 'Stichting Jeugd Noord',
      contact: { name: 'Klantcontact', email: 'contact@jeugdnoord.example' },
      privacyOfficer: { name: 'Anna de Vries', email: 'fg@jeugdnoord.example' },
    };
    writeFileSync(join(dir, 'organisation.json'), JSON.stringify(org));
    const app = await startTestApp({ CONFIG_DIR: dir });
    try {
      const html = await (await fetch(`${app.url}/privacy?lang=nl`)).text();
      expect(visibleText(html)).toContain('Stichting Jeugd Noord');
      expect(visibleText(html)).toContain('Anna de Vries');
      expect(html).not.toContain('class="demo"');
      expect(visibleText(html)).not.toContain(translatorFor('nl')('legal:demo', { organisation: org.name }));
    } finally {
      await app.close();
    }
  });
});
