import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type * as restify from 'restify';
import type { AppContext } from '../bot/appContext';
import { LOCALES, type Locale } from '../core/types';
import { loadResources, toLocale } from '../locales';
import { registerLegalPages } from './legalPages';
import { registerUpdatesRoute } from './updatesRoute';

/** web/ next to the sources, also when running from dist/web. */
function webDir(): string {
  for (const dir of [resolve(__dirname), resolve(__dirname, '..', '..', 'web')]) {
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  throw new Error(`web folder with index.html not found near ${__dirname}`);
}

/** Web Chat's UMD bundle from node_modules: the page loads nothing from outside this server. */
function webChatBundle(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

interface Asset {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  cache: string;
}

/**
 * The web chat page at GET /, its script, styles and Web Chat styleOptions, Web Chat itself at
 * /webchat.js, and the page texts at /locales/<lng>/web.json. The HTML is filled in here
 * (language, title) so the page is right before any script runs.
 */
export function registerWebChat(server: restify.Server, app: AppContext): void {
  registerUpdatesRoute(server, app);
  const dir = webDir();
  const texts = loadResources();
  const template = readFileSync(join(dir, 'index.html'), 'utf8');
  const assets = new Map<string, () => Asset>();
  const lazy = (make: () => Asset) => {
    let asset: Asset | undefined;
    return () => (asset ??= make());
  };
  const file = (path: string, type: string, cache = 'no-cache') =>
    lazy(() => {
      const body = readFileSync(path);
      return { type, body, gzip: gzipSync(body), cache };
    });

  assets.set('/app.js', file(join(dir, 'app.js'), 'application/javascript; charset=utf-8'));
  assets.set('/styles.css', file(join(dir, 'styles.css'), 'text/css; charset=utf-8'));
  assets.set('/styleOptions.json', file(join(dir, 'styleOptions.json'), 'application/json; charset=utf-8'));
  // Four megabytes that only change with the package version: cache for a day, send compressed.
  assets.set('/webchat.js', file(webChatBundle(), 'application/javascript; charset=utf-8', 'public, max-age=86400'));
  for (const lng of LOCALES) {
    const body = Buffer.from(JSON.stringify(texts[lng].web ?? {}), 'utf8');
    assets.set(`/locales/${lng}/web.json`, () => ({ type: 'application/json; charset=utf-8', body, cache: 'no-cache' }));
  }

  // The privacy and terms pages the Teams manifest and the welcome text link to.
  registerLegalPages(server, app, (req) => pickLocale(req, app.config.defaultLocale), dir);

  server.get('/', async (req, res) => {
    const lng = pickLocale(req, app.config.defaultLocale);
    const html = renderPage(template, app.translatorFor(lng), lng);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': contentSecurityPolicy(req, app.config.directLine.secret ? app.config.directLine.endpoint : undefined),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(html);
  });

  for (const [path, get] of assets) {
    server.get(path, async (req, res) => {
      const asset = get();
      const gzip = asset.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        'Content-Type': asset.type,
        'Cache-Control': asset.cache,
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(gzip ? asset.gzip : asset.body);
    });
  }
}

/** ?lang= first (deep link), then the browser's languages, then the configured default. */
function pickLocale(req: restify.Request, fallback: Locale): Locale {
  const fromQuery = typeof req.query?.lang === 'string' ? toLocale(req.query.lang) : undefined;
  if (fromQuery) return fromQuery;
  const accepted = String(req.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => toLocale(part.split(';')[0].trim()))
    .find((l): l is Locale => l !== undefined);
  return accepted ?? fallback;
}

function renderPage(template: string, t: (key: string) => string, lng: Locale): string {
  const values: Record<string, string> = {
    lang: lng,
    title: t('web:page.title'),
    description: t('web:page.description'),
    heading: t('web:page.heading'),
    tagline: t('web:page.tagline'),
    noscript: t('web:page.noscript'),
    languageLabel: t('web:language.label'),
    languageNl: t('web:language.nl'),
    languageEn: t('web:language.en'),
    languageNlShort: t('web:language.nlShort'),
    languageEnShort: t('web:language.enShort'),
    nlPressed: String(lng === 'nl'),
    enPressed: String(lng === 'en'),
    chatLabel: t('web:chat.label'),
    connecting: t('web:status.connecting'),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => escapeHtml(values[name] ?? ''));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Only this server (and, in Azure mode, Azure's Direct Line) may be contacted. Web Chat injects
 * its styles at run time, hence 'unsafe-inline' for styles only.
 */
function contentSecurityPolicy(req: restify.Request, azureEndpoint: string | undefined): string {
  const host = typeof req.headers.host === 'string' && HOST.test(req.headers.host) ? req.headers.host : undefined;
  const connect = ["'self'"];
  if (host) connect.push(`ws://${host}`, `wss://${host}`);
  if (azureEndpoint) {
    const origin = new URL(azureEndpoint).origin;
    connect.push(origin, origin.replace(/^http/, 'ws'));
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src ${connect.join(' ')}`,
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}
