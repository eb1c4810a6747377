import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { chromium, type Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../../bot/app';
import { main } from '../../cli/main';
import { ManualClock } from '../../core/clock';
import { translatorFor } from '../../locales';
import { ROOT, tempDataDir } from '../helpers/botHttp';
import { accessibilityViolations, chatPage, CHROMIUM_ARGS, watchExternalRequests } from '../web/chatPage';
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

    const chat = chatPage(page);
    const external = watchExternalRequests(page);
    const failedLocal: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 500) failedLocal.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));

    // Open the session link: the chat starts by itself and welcomes the young person.
    await page.goto(`${running.url}/?code=${sessionCode}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await chat.waitForBot(firstLine(nl('welcome:hello', { project: 'Demoproject HoorMij' })).slice(0, 20));
    await chat.waitForBot(nl('commands:code.accepted'));
    // The welcome (conversationUpdate) and the join event both arrived: one welcome, and the
    // consent question comes last, after "your code is right" (asked again if it came before).
    expect(await chat.bot(nl('welcome:privacy')).count()).toBe(1);
    let bubbles = await chat.bot().allInnerTexts();
    for (let i = 0; i < 50 && !bubbles[bubbles.length - 1].includes(nl('consent:ask')); i++) {
      await page.waitForTimeout(100);
      bubbles = await chat.bot().allInnerTexts();
    }
    expect(bubbles[bubbles.length - 1]).toContain(nl('consent:ask'));
    expect(bubbles.findIndex((b) => b.includes(nl('commands:code.accepted')))).toBeLessThan(bubbles.length - 1);

    // Consent and role by tapping suggested actions.
    await chat.tap(nl('consent:yes'));
    await chat.tap(nl('role:youth'));
    await chat.waitForBot('(1/5)');

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
      await chat.waitForBot(`(${i + 1}/5)`);
      await chat.tap(nl('scale:option', { digit: score, emoji: nl(`scale:emoji.${score}`) }));
    }
    await chat.waitForBot('(5/5)');
    const remark = 'Ik vond het fijn dat we over school praatten.';
    await chat.say(remark);
    // The participant may say what the remark is mainly about, or pass the guess by.
    await chat.waitForBot(nl('themes:check.ask', { choices: '' }).slice(0, 20));
    await chat.tap(nl('themes:check.somethingElse'));
    await chat.waitForBot(nl('summary:title'));
    await chat.user(remark).waitFor();
    await chat.waitForBot(firstLine(nl('summary:after.youth')).slice(0, 20));
    // The summary is shown once: as the card, not also as text.
    expect(await chat.bot(nl('summary:intro')).count()).toBe(1);
    // The finished conversation with its summary card meets WCAG 2.1 AA too.
    expect(await accessibilityViolations(page)).toEqual([]);
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    // The chat scrolls inside its own box: a tall phone shows more of the finished conversation.
    await page.setViewportSize({ width: 390, height: 1400 });
    await chat.transcript.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: SCREENSHOT });
    await page.setViewportSize({ width: 390, height: 844 });

    // Reload: the same conversation comes back, without asking consent again.
    const consentAsks = await chat.bot(nl('consent:ask')).count();
    await page.reload();
    await chat.waitForBot(nl('summary:title'));
    await chat.user(remark).waitFor();
    expect(await chat.bot(nl('consent:ask')).count()).toBe(consentAsks);
    await chat.say('hoi');
    await chat.waitForBot(firstLine(nl('commands:finished')).slice(0, 20));

    // The language switch is visible and works: the page and the bot go on in English.
    const english = page.getByRole('button', { name: en('web:language.en') });
    expect(await english.isVisible()).toBe(true);
    await english.click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await page.title()).toBe(en('web:page.title'));
    // The bot confirms the switch, so the conversation visibly goes on in English.
    await chat.waitForBot(en('commands:language.switched'));
    await chat.say('hello');
    await chat.waitForBot(firstLine(en('commands:finished')).slice(0, 20));

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
