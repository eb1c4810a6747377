import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { main as cli } from '../cli/main';
import { translatorFor } from '../locales';

/** As the browser tests: Debian's Chromium, headless, nothing fetched from outside. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A mid-range phone on mobile data (the profile), set through the DevTools protocol. */
const PHONE = { latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8), cpuRate: 4 };

export interface FirstQuestion {
  /** ms from navigation start until the consent question's Ja and Nee buttons can be tapped. */
  ms: number;
  /** Bytes over the network (headers included, as the browser counts transferSize) until then. */
  bytes: number;
}

export interface BrowserFigures {
  profile: 'phone' | 'loopback';
  /** `/`, `/?code=XXXXXX`, or `bare buttons` for the machine's floor. */
  path: string;
  first: FirstQuestion;
  repeat: FirstQuestion;
}

/**
 * Runs in the page from its first byte: notes the moment the consent buttons are on screen and
 * enabled, and what was fetched up to then. Measured inside the page so polling from outside
 * adds nothing.
 */
function watchFirstQuestion(labels: { yes: string; no: string }): void {
  const w = window as unknown as { __firstQuestion?: { ms: number; bytes: number } };
  const tappable = (text: string) =>
    Array.prototype.some.call(document.querySelectorAll('button'), (b: HTMLButtonElement) => {
      if ((b.textContent ?? '').trim() !== text || b.disabled) return false;
      const r = b.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(b).visibility !== 'hidden';
    });
  const check = () => {
    if (w.__firstQuestion || !tappable(labels.yes) || !tappable(labels.no)) return;
    const ms = performance.now();
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
    const bytes = entries.reduce((n, e) => n + (e.transferSize || 0), 0);
    w.__firstQuestion = { ms, bytes };
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

async function visit(context: BrowserContext, url: string, profile: BrowserFigures['profile'], labels: { yes: string; no: string }): Promise<FirstQuestion> {
  const page = await context.newPage();
  if (profile === 'phone') {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PHONE, connectionType: 'cellular4g' });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuRate });
  }
  await page.addInitScript(watchFirstQuestion, labels);
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => (window as unknown as { __firstQuestion?: FirstQuestion }).__firstQuestion, undefined, {
    timeout: 60_000,
    polling: 100,
  });
  const result = (await handle.jsonValue()) as FirstQuestion;
  // Let the page settle (service worker, stored conversation) before the tab is closed.
  await page.waitForTimeout(1500);
  await page.close();
  return result;
}

async function makeCode(env: Record<string, string>): Promise<string> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const code = await cli(['code', '--project', 'demo', '--team', 'wijkteam-noord'], env, stdout, new PassThrough());
  if (code !== 0) throw new Error(`npx hoormij code exited with ${code}`);
  return out.trim();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pickMedian = (xs: FirstQuestion[]): FirstQuestion => ({ ms: median(xs.map((x) => x.ms)), bytes: median(xs.map((x) => x.bytes)) });

/**
 * Time to the first question in the web chat, in Chromium: the phone profile and plain
 * loopback, on `/` and on a session link, a first visit (fresh profile) and a repeat visit (the
 * same profile after the tab was closed: it continues its conversation, assets cached).
 * `runs` rounds each; the median is reported. `start(dataDir)` starts HoorMij and gives its port.
 */
export async function benchBrowser(start: (dataDir: string) => Promise<{ port: number; stop(): void }>, runs = 3): Promise<BrowserFigures[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hoormij-bench-web-'));
  const env = { DATA_DIR: dataDir, CONFIG_DIR: join(__dirname, '..', '..', 'config'), LOG_LEVEL: 'silent' };
  const nl = translatorFor('nl');
  const labels = { yes: nl('consent:yes'), no: nl('consent:no') };
  const server = await start(dataDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const figures: BrowserFigures[] = [];
    for (const profile of ['phone', 'loopback'] as const) {
      for (const withCode of [false, true]) {
        const firsts: FirstQuestion[] = [];
        const repeats: FirstQuestion[] = [];
        for (let i = 0; i < runs; i++) {
          const path = withCode ? `/?code=${await makeCode(env)}` : '/';
          const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
          try {
            firsts.push(await visit(context, `http://127.0.0.1:${server.port}${path}`, profile, labels));
            repeats.push(await visit(context, `http://127.0.0.1:${server.port}${path}`, profile, labels));
          } finally {
            await context.close();
          }
        }
        figures.push({ profile, path: withCode ? '/?code=XXXXXX' : '/', first: pickMedian(firsts), repeat: pickMedian(repeats) });
      }
    }
    return figures;
  } finally {
    await browser?.close();
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The machine's own share: the same browser and profile on a page that is nothing but the two
 * buttons, from a bare Node server. What HoorMij's page takes beyond this is the page's doing.
 */
export async function benchBrowserFloor(runs = 3): Promise<BrowserFigures[]> {
  const nl = translatorFor('nl');
  const labels = { yes: nl('consent:yes'), no: nl('consent:no') };
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>x</title></head><body><p>${nl('consent:ask')}</p><button>${labels.yes}</button><button>${labels.no}</button></body></html>`;
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const figures: BrowserFigures[] = [];
    for (const profile of ['phone', 'loopback'] as const) {
      const firsts: FirstQuestion[] = [];
      const repeats: FirstQuestion[] = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
        try {
          firsts.push(await visit(context, url, profile, labels));
          repeats.push(await visit(context, url, profile, labels));
        } finally {
          await context.close();
        }
      }
      figures.push({ profile, path: 'bare buttons', first: pickMedian(firsts), repeat: pickMedian(repeats) });
    }
    return figures;
  } finally {
    await browser.close();
    server.close();
  }
}

export function formatBrowserFigures(f: BrowserFigures): string {
  const one = (q: FirstQuestion) => `${(q.ms / 1000).toFixed(2)} s ${(q.bytes / 1024).toFixed(0).padStart(5)} KB`;
  return `${f.profile.padEnd(8)} ${f.path.padEnd(14)} first visit ${one(f.first)}   repeat visit ${one(f.repeat)}`;
}
