import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type * as restify from 'restify';
import type { AppContext } from '../bot/appContext';
import { helplinesFor } from '../core/safeguarding/helplines';
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

/** Web Chat's UMD bundle from node_modules, for organisations that embed Microsoft's Web Chat. */
function webChatBundle(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

interface Asset {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  etag?: string;
  cache: string;
}

function compressed(type: string, body: Buffer, cache: string): Asset {
  return {
    type,
    body,
    cache,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  };
}

const HTML = 'text/html; charset=utf-8';

/**
 * The web chat page at GET /: one response with everything the first question needs — the
 * markup in the visitor's language, the styles, the page texts of every language and the chat
 * client — compressed once at start-up (brotli and gzip). GET / creates nothing on the server
 * (link previews fetch it too); the conversation starts when the script runs.
 * Also served, for organisations that embed Microsoft's Web Chat against this Direct Line:
 * /webchat.js (its bundle from node_modules), /styleOptions.json and /locales/<lng>/web.json.
 */
export function registerWebChat(server: restify.Server, app: AppContext): void {
  registerUpdatesRoute(server, app);
  const dir = webDir();
  const texts = loadResources();
  const template = readFileSync(join(dir, 'index.html'), 'utf8');
  const script = readFileSync(join(dir, 'app.js'), 'utf8');
  const styles = readFileSync(join(dir, 'styles.css'), 'utf8');
  const scriptHash = `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
  const pageTexts = Object.fromEntries(LOCALES.map((l) => [l, pageTextsOf(texts[l].web)]));
  const phoneNumbers = [...new Set((['NL', 'BE'] as const).flatMap((c) => helplinesFor(c).map((h) => h.number)))];
  const pages = new Map<Locale, Asset>(
    LOCALES.map((l) => {
      const page = JSON.stringify({ lang: l, texts: pageTexts, phoneNumbers });
      const html = renderPage(template, app.translatorFor(l), l, { styles, script, page });
      return [l, compressed(HTML, Buffer.from(html, 'utf8'), 'no-cache')];
    }),
  );

  const assets = new Map<string, () => Asset>();
  const lazy = (make: () => Asset) => {
    let asset: Asset | undefined;
    return () => (asset ??= make());
  };
  const file = (path: string, type: string, cache = 'no-cache') => lazy(() => compressed(type, readFileSync(path), cache));
  assets.set('/sw.js', file(join(dir, 'sw.js'), 'application/javascript; charset=utf-8'));
  assets.set('/styleOptions.json', file(join(dir, 'styleOptions.json'), 'application/json; charset=utf-8'));
  // Four megabytes that only change with the package version: cache for a day, send compressed.
  assets.set('/webchat.js', lazy(() => ({ type: 'application/javascript; charset=utf-8', ...gzipOnly(readFileSync(webChatBundle())), cache: 'public, max-age=86400' })));
  for (const lng of LOCALES) {
    const body = Buffer.from(JSON.stringify(texts[lng].web ?? {}), 'utf8');
    assets.set(`/locales/${lng}/web.json`, () => ({ type: 'application/json; charset=utf-8', body, cache: 'no-cache' }));
  }

  // The privacy and terms pages the Teams manifest and the welcome text link to.
  registerLegalPages(server, app, (req) => pickLocale(req, app.config.defaultLocale), dir);

  server.get('/', async (req, res) => {
    const page = pages.get(pickLocale(req, app.config.defaultLocale))!;
    const csp = contentSecurityPolicy(req, scriptHash, app.config.directLine.secret ? app.config.directLine.endpoint : undefined);
    send(req, res, page, { 'Content-Security-Policy': csp, 'Referrer-Policy': 'no-referrer' });
  });

  for (const [path, get] of assets) {
    server.get(path, async (req, res) => send(req, res, get()));
  }
}

function gzipOnly(body: Buffer): { body: Buffer; gzip: Buffer } {
  return { body, gzip: gzipSync(body) };
}

/** The smallest encoding the browser accepts; 304 when its copy is current. */
function send(req: restify.Request, res: restify.Response, asset: Asset, headers: Record<string, string> = {}): void {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding = asset.br && /\bbr\b/.test(accepted) ? 'br' : asset.gzip && /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
  const common = {
    'Cache-Control': asset.cache,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
    ...(asset.etag ? { ETag: asset.etag } : {}),
    ...headers,
  };
  if (asset.etag && req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  res.writeHead(200, { 'Content-Type': asset.type, ...common, ...(encoding ? { 'Content-Encoding': encoding } : {}) });
  res.end(encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.body);
}

/** What the page shows (web.json without the CLI's texts). */
function pageTextsOf(web: unknown): Record<string, unknown> {
  const { qr: _cli, ...page } = (web ?? {}) as Record<string, unknown>;
  return page;
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

/** Fills the template: {{name}} escaped as HTML text, {{{name}}} the raw styles, script and JSON. */
function renderPage(template: string, t: (key: string) => string, lng: Locale, raw: { styles: string; script: string; page: string }): string {
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
    privacy: t('web:page.privacy'),
    transcriptLabel: t('web:chat.transcript'),
    choicesLabel: t('web:chat.choices'),
    inputLabel: t('web:chat.inputLabel'),
    placeholder: t('web:chat.placeholder'),
    send: t('web:chat.send'),
  };
  // JSON inside <script>: "<" escaped, so no text can close the element.
  const rawValues: Record<string, string> = { styles: raw.styles, script: raw.script, page: raw.page.replace(/</g, '\\u003c') };
  // One pass, so nothing inside the inlined script or texts is taken for a placeholder.
  return template.replace(/\{\{\{(\w+)\}\}\}|\{\{(\w+)\}\}/g, (_m, rawName: string | undefined, name: string | undefined) =>
    rawName ? (rawValues[rawName] ?? '') : escapeHtml(values[name ?? ''] ?? ''),
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Only this server (and, in Azure mode, Azure's Direct Line) may be contacted; the only script
 * that runs is the page's own, by its hash. Its styles are inline, hence 'unsafe-inline' for styles.
 */
function contentSecurityPolicy(req: restify.Request, scriptHash: string, azureEndpoint: string | undefined): string {
  const host = typeof req.headers.host === 'string' && HOST.test(req.headers.host) ? req.headers.host : undefined;
  const connect = ["'self'"];
  if (host) connect.push(`ws://${host}`, `wss://${host}`);
  if (azureEndpoint) {
    const origin = new URL(azureEndpoint).origin;
    connect.push(origin, origin.replace(/^http/, 'ws'));
  }
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHash}`,
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
