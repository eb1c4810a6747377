import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../bot/app';
import { main } from '../../cli/main';
import { ManualClock } from '../../core/clock';
import { translatorFor } from '../../locales';
import { ROOT, tempDataDir } from '../helpers/botHttp';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const TOKEN_TTL_SECONDS = 60;
const SCREENSHOT = join(ROOT, 'test-artifacts', 'webchat-session-check.png');
const nl = translatorFor('nl');
const en = translatorFor('en');

jest.setTimeout(180_000);

async function runCli(argv: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.resume();
  const code = await main(argv, env, stdout, stderr);
  return { code, out };
}

/** Bot messages in the transcript (Web Chat marks each activity; user bubbles are "from-user"). */
function botBubbles(page: Page): Locator {
  return page.locator('.webchat__bubble:not(.webchat__bubble--from-user)');
}

function userBubbles(page: Page): Locator {
  return page.locator('.webchat__bubble--from-user');
}

/**
 * A piece of a bot text that survives Web Chat's rendering: the longest run of the first line
 * without quotes or apostrophes (markdown turns them typographic) and without line breaks.
 */
function firstLine(text: string): string {
  return text
    .split('\n')[0]
    .split(/['"‘’“”]/)
    .reduce((a, b) => (b.length > a.length ? b : a), '')
    .trim();
}

/** Taps a suggested action by its visible title, once the bot offered it. */
async function tap(page: Page, title: string): Promise<void> {
  const button = page.locator('.webchat__suggested-actions button', { hasText: title }).first();
  await button.waitFor({ state: 'visible' });
  await button.click();
}

async function waitForBot(page: Page, text: string): Promise<void> {
  await botBubbles(page).filter({ hasText: text }).last().waitFor({ state: 'visible' });
}

describe('the web chat page in a real browser (Debian chromium, headless)', () => {
  let running: RunningApp | undefined;
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('runs a whole session check from a session link, survives token expiry and a reload, and the answers reach the export', async () => {
    const dataDir = tempDataDir('hoormij-webchat-');
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      CONFIG_DIR: join(ROOT, 'config'),
      DATA_DIR: dataDir,
      DIRECTLINE_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
    };

    // A professional hands out a session code (the code a QR link carries).
    const made = await runCli(['code', '--project', 'demo', '--team', 'wijkteam-noord'], env);
    expect(made.code).toBe(0);
    const sessionCode = made.out.trim();
    expect(sessionCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);

    const clock = new ManualClock(new Date());
    running = await startApp({ env, clock });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.clock.install();

    const external: string[] = [];
    const failedLocal: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') external.push(request.url());
    });
    page.on('response', (response) => {
      if (response.status() >= 500) failedLocal.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));

    // Open the session link: the chat starts by itself and welcomes the young person.
    await page.goto(`${running.url}/?code=${sessionCode}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await waitForBot(page, firstLine(nl('welcome:hello', { project: 'Demoproject HoorMij' })).slice(0, 20));
    await waitForBot(page, nl('commands:code.accepted'));
    // The welcome (conversationUpdate) and the join event both arrived: one welcome, and the
    // consent question comes last, after "your code is right" (asked again if it came before).
    expect(await botBubbles(page).filter({ hasText: nl('welcome:privacy') }).count()).toBe(1);
    let bubbles = await botBubbles(page).allInnerTexts();
    for (let i = 0; i < 50 && !bubbles[bubbles.length - 1].includes(nl('consent:ask')); i++) {
      await page.waitForTimeout(100);
      bubbles = await botBubbles(page).allInnerTexts();
    }
    expect(bubbles[bubbles.length - 1]).toContain(nl('consent:ask'));
    expect(bubbles.findIndex((b) => b.includes(nl('commands:code.accepted')))).toBeLessThan(bubbles.length - 1);

    // Consent and role by tapping suggested actions.
    await tap(page, nl('consent:yes'));
    await tap(page, nl('role:youth'));
    await waitForBot(page, '(1/5)');

    // A tab left open past the token lifetime keeps working: move both clocks (page and server)
    // forward in steps, so the page's own refresh at half the lifetime runs each time.
    for (let step = 0; step < 3; step++) {
      const refreshed = page.waitForResponse((r) => r.url().endsWith('/v3/directline/tokens/refresh') && r.status() === 200);
      clock.advance(TOKEN_TTL_SECONDS * 600);
      await page.clock.fastForward(TOKEN_TTL_SECONDS * 600);
      await refreshed;
    }

    // The four scale questions (tapping the digit), then the open question (typing).
    const scores = [4, 5, 3, 4];
    for (const [i, score] of scores.entries()) {
      await waitForBot(page, `(${i + 1}/5)`);
      await tap(page, nl('scale:option', { digit: score, emoji: nl(`scale:emoji.${score}`) }));
    }
    await waitForBot(page, '(5/5)');
    const remark = 'Ik vond het fijn dat we over school praatten.';
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(remark);
    await input.press('Enter');
    await waitForBot(page, nl('summary:title'));
    await userBubbles(page).filter({ hasText: remark }).waitFor();
    await waitForBot(page, firstLine(nl('summary:after.youth')).slice(0, 20));
    // The summary is shown once: as the card, not also as text.
    expect(await botBubbles(page).filter({ hasText: nl('summary:intro') }).count()).toBe(1);
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    // Web Chat scrolls inside its own box: a tall phone shows more of the finished conversation.
    await page.setViewportSize({ width: 390, height: 1400 });
    await page.locator('.webchat__basic-transcript__scrollable').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: SCREENSHOT });
    await page.setViewportSize({ width: 390, height: 844 });

    // Reload: the same conversation comes back, without asking consent again.
    const consentAsks = await botBubbles(page).filter({ hasText: nl('consent:ask') }).count();
    await page.reload();
    await waitForBot(page, nl('summary:title'));
    await userBubbles(page).filter({ hasText: remark }).waitFor();
    expect(await botBubbles(page).filter({ hasText: nl('consent:ask') }).count()).toBe(consentAsks);
    await page.locator('[data-id="webchat-sendbox-input"]').fill('hoi');
    await page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
    await waitForBot(page, firstLine(nl('commands:finished')).slice(0, 20));

    // The language switch is visible and works: the page and the bot go on in English.
    const english = page.getByRole('button', { name: en('web:language.en') });
    expect(await english.isVisible()).toBe(true);
    await english.click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await page.title()).toBe(en('web:page.title'));
    // The bot confirms the switch, so the conversation visibly goes on in English.
    await waitForBot(page, en('commands:language.switched'));
    await page.locator('[data-id="webchat-sendbox-input"]').fill('hello');
    await page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
    await waitForBot(page, firstLine(en('commands:finished')).slice(0, 20));

    expect(external).toEqual([]);
    expect(failedLocal).toEqual([]);
    expect(pageErrors).toEqual([]);

    await browser.close();
    browser = undefined;
    await running.close();
    running = undefined;

    // The answers are in `npx hoormij export`, pseudonymised, from the web chat channel.
    const exported = await runCli(['export', '--project', 'demo'], env);
    expect(exported.code).toBe(0);
    const rows = exported.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { question: string; score: number | null; text: string | null; channel: string; participant: string; team: string | null; questionSet: string });
    const byQuestion = new Map(rows.map((r) => [r.question, r]));
    expect([...byQuestion.keys()].sort()).toEqual(['approach', 'goals', 'heard', 'open', 'overall']);
    expect(['heard', 'goals', 'approach', 'overall', 'open'].map((q) => byQuestion.get(q)?.score)).toEqual([...scores, null]);
    expect(byQuestion.get('open')?.text).toContain('school');
    expect(new Set(rows.map((r) => r.participant)).size).toBe(1);
    expect(rows.every((r) => r.channel === 'directline' && r.team === 'wijkteam-noord' && r.questionSet === 'session-check')).toBe(true);
    expect(rows[0].participant).not.toMatch(/^dl_/);
  });
});
