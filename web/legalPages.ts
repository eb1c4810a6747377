import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as restify from 'restify';
import type { AppContext } from '../bot/appContext';
import { organisationContact, privacyOfficer } from '../core/organisation';
import { EMERGENCY_LINE_ID, helplinesFor, type HelplineCountry } from '../core/safeguarding/helplines';
import type { Translate } from '../core/translate';
import type { Locale } from '../core/types';

type Page = 'privacy' | 'terms';

/** Markup built here from escaped text. */
type Html = string;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const p = (text: string): Html => `<p>${escapeHtml(text)}</p>`;
const h2 = (text: string): Html => `<h2>${escapeHtml(text)}</h2>`;
const list = (items: Html[]): Html => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
const link = (href: string, text: string): Html => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
/** A phone number as a tap-to-call link: tel: takes digits (and a leading +) only. */
const tel = (number: string): Html => link(`tel:${number.replace(/[^\d+]/g, '')}`, number);
const mail = (address: string): Html => link(`mailto:${address}`, address);
/** A translated line in which some variables are HTML (a link, a command in bold); the rest is escaped. */
function line(t: Translate, key: string, vars: Record<string, string>, html: Record<string, Html> = {}): Html {
  const names = Object.keys(html);
  const marker = (i: number) => `\u0000${i}\u0000`;
  let out = escapeHtml(t(key, { ...vars, ...Object.fromEntries(names.map((n, i) => [n, marker(i)])) }));
  names.forEach((n, i) => {
    out = out.replace(marker(i), html[n]);
  });
  return out;
}

/** The first spelling of a chat command in this language ("mijn gegevens", "my data"). */
const command = (t: Translate, word: string): string => t(`commands:words.${word}`).split('|')[0];

/**
 * GET /privacy and GET /terms: what is stored, who sees it, how long, the participant's rights
 * and the helplines; the terms of use. The Teams manifest links to both. Texts come from
 * locales/<lng>/legal.json, the organisation from config/organisation.json; the language is
 * ?lang= first, then the browser's (as for the chat page).
 */
export function registerLegalPages(server: restify.Server, app: AppContext, pickLocale: (req: restify.Request) => Locale, webDir: string): void {
  const css = readFileSync(join(webDir, 'legal.css'));
  for (const page of ['privacy', 'terms'] as const) {
    server.get(`/${page}`, async (req, res) => {
      const lng = pickLocale(req);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-cache',
        'Content-Language': lng,
        'Content-Security-Policy': "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      res.end(renderLegalPage(page, lng, app));
    });
  }
  server.get('/legal.css', async (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.end(css);
  });
}

/** The countries of the configured projects, each once: they decide which helplines are shown. */
function countriesOf(app: AppContext): HelplineCountry[] {
  return [...new Set([...app.data.projects.values()].map((project) => project.country))];
}

export function renderLegalPage(page: Page, lng: Locale, app: AppContext): string {
  const t = app.translatorFor(lng);
  const org = app.data.organisation;
  const countries = countriesOf(app);
  const other: Locale = lng === 'nl' ? 'en' : 'nl';
  const body = page === 'privacy' ? privacyBody(t, app, countries) : termsBody(t, app, countries);
  const title = t(`legal:${page}.title`);
  return [
    '<!doctype html>',
    `<html lang="${lng}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} – ${escapeHtml(org.name)}</title><link rel="stylesheet" href="/legal.css"></head>`,
    '<body>',
    `<nav aria-label="HoorMij">${link(`/?lang=${lng}`, t('legal:toChat'))} ${link(`/${page}?lang=${other}`, t('legal:otherLanguage'))}</nav>`,
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    org.demo ? `<p class="demo" role="note">${escapeHtml(t('legal:demo', { organisation: org.name }))}</p>` : '',
    body,
    contactSection(t, app),
    `<p>${link(`/${page === 'privacy' ? 'terms' : 'privacy'}?lang=${lng}`, t(`legal:otherPage.${page}`))}</p>`,
    '</main>',
    '</body></html>',
  ].join('\n');
}

function privacyBody(t: Translate, app: AppContext, countries: HelplineCountry[]): Html {
  const org = app.data.organisation;
  const officer = privacyOfficer(org);
  const rights = (
    [
      ['see', 'myData'],
      ['erase', 'erase'],
      ['stop', 'stop'],
      ['start', 'start'],
    ] as const
  ).map(([key, word]) => line(t, `legal:privacy.rights.${key}`, {}, { command: `<strong>${escapeHtml(command(t, word))}</strong>` }));
  return [
    p(t('legal:privacy.intro', { organisation: org.name })),
    h2(t('legal:privacy.stored.heading')),
    list(['answers', 'scrubbed', 'pseudonym', 'details', 'whatsapp'].map((k) => escapeHtml(t(`legal:privacy.stored.${k}`)))),
    h2(t('legal:privacy.who.heading')),
    list(
      ['leads', 'operators', 'danger', 'contact', 'nobodyElse'].map((k) => escapeHtml(t(`legal:privacy.who.${k}`, { k: String(app.config.kAnonymity) }))),
    ),
    h2(t('legal:privacy.retention.heading')),
    list(['text', 'scores', 'erase'].map((k) => escapeHtml(t(`legal:privacy.retention.${k}`, { days: String(app.config.retentionDays) })))),
    h2(t('legal:privacy.rights.heading')),
    p(t('legal:privacy.rights.intro')),
    list(rights),
    `<p>${line(t, 'legal:privacy.rights.question', { name: officer.name }, { email: mail(officer.email) })}</p>`,
    p(t('legal:privacy.rights.authority', { authority: countries.map((c) => t(`legal:privacy.authority.${c}`)).join(' / ') })),
    helplinesSection(t, countries, 'legal:privacy.helplines.heading'),
  ].join('\n');
}

function termsBody(t: Translate, app: AppContext, countries: HelplineCountry[]): Html {
  const org = app.data.organisation;
  return [
    p(t('legal:terms.intro', { organisation: org.name })),
    h2(t('legal:terms.use.heading')),
    list(['voluntary', 'free', 'stop', 'others'].map((k) => escapeHtml(t(`legal:terms.use.${k}`, { command: command(t, 'stop') })))),
    h2(t('legal:terms.notHelpline.heading')),
    p(t('legal:terms.notHelpline.text')),
    helplinesSection(t, countries),
    h2(t('legal:terms.changes.heading')),
    p(t('legal:terms.changes.text')),
  ].join('\n');
}

/** The helplines of each country, each number a tap-to-call link, and the emergency number last. */
function helplinesSection(t: Translate, countries: HelplineCountry[], heading?: string): Html {
  const parts: Html[] = heading ? [h2(t(heading)), p(t('legal:privacy.helplines.intro'))] : [];
  let emergency: string | undefined;
  for (const country of countries) {
    const lines = helplinesFor(country);
    emergency ??= lines.find((l) => l.id === EMERGENCY_LINE_ID)?.number;
    if (countries.length > 1) parts.push(`<h3>${escapeHtml(t(`legal:privacy.helplines.country.${country}`))}</h3>`);
    parts.push(
      list(
        lines
          .filter((l) => l.id !== EMERGENCY_LINE_ID)
          .map((l) => line(t, 'legal:privacy.helplines.line', { name: l.name, about: t(`safeguarding:line.${l.id}`) }, { number: tel(l.number) })),
      ),
    );
  }
  // 112 in both countries: said once, after the lines.
  if (emergency) parts.push(`<p>${line(t, 'legal:privacy.helplines.danger', {}, { number: tel(emergency) })}</p>`);
  return parts.join('\n');
}

function contactSection(t: Translate, app: AppContext): Html {
  const contact = organisationContact(app.data.organisation);
  const officer = privacyOfficer(app.data.organisation);
  const items: Html[] = [escapeHtml(contact.name), line(t, 'legal:contact.email', {}, { email: mail(contact.email) })];
  if (contact.phone) items.push(line(t, 'legal:contact.phone', {}, { phone: tel(contact.phone) }));
  if (contact.website) items.push(line(t, 'legal:contact.website', {}, { website: link(contact.website, contact.website) }));
  items.push(line(t, 'legal:contact.officer', { name: officer.name }, { email: mail(officer.email) }));
  return [h2(t('legal:contact.heading')), list(items)].join('\n');
}
