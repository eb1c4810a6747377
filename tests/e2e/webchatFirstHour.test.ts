import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../bot/app';
import { translatorFor } from '../../locales';
import { ROOT, tempDataDir } from '../helpers/botHttp';
import { accessibilityViolations, chatPage, CHROMIUM_ARGS, watchExternalRequests } from '../web/chatPage';

const nl = translatorFor('nl');
const en = translatorFor('en');
jest.setTimeout(120_000);

/** The web chat on a phone with the real bot: what issue 12 found missing in the first hour. */
describe('the web chat on a phone, with the real bot (chromium, headless)', () => {
  let running: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let chat: ReturnType<typeof chatPage>;
  let external: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    running = await startApp({
      env: { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', CONFIG_DIR: join(ROOT, 'config'), DATA_DIR: tempDataDir('hoormij-webchat-hour-') },
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser.close();
    await running.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
    page = await context.newPage();
    chat = chatPage(page);
    external = watchExternalRequests(page);
    pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterEach(async () => {
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows line breaks as lines, bullets as a list, and helpline numbers as tap-to-call links', async () => {
    await page.goto(`${running.url}/`);
    await chat.waitForBot(nl('consent:ask'));
    await chat.say('help');
    const help = chat.bot(nl('commands:help').split('\n')[0]);
    await help.waitFor();
    const firstLines = nl('commands:help').split('\n').slice(0, 2);
    expect(await help.innerText()).toContain(firstLines.join('\n'));
    const list = help.getByRole('list');
    expect(await list.getByRole('listitem').allInnerTexts()).toEqual(
      nl('commands:help')
        .split('\n')
        .filter((l) => l.startsWith('• '))
        .map((l) => l.slice(2)),
    );

    await chat.say('Ik wil niet meer leven');
    const helplines = chat.bot(nl('safeguarding:reply.intro').slice(0, 30));
    await helplines.waitFor();
    for (const [shown, href] of [
      ['0800-0432', 'tel:08000432'],
      ['0800-0113', 'tel:08000113'],
      ['112', 'tel:112'],
    ]) {
      const link = helplines.getByRole('link', { name: shown, exact: true });
      expect(await link.isVisible()).toBe(true);
      expect(await link.getAttribute('href')).toBe(href);
      // A number is never broken over two lines.
      expect((await link.boundingBox())!.height).toBeLessThan(40);
    }
    expect(await helplines.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
  });

  it('keeps page and bot in one language, switched from either side', async () => {
    await page.goto(`${running.url}/`);
    await chat.waitForBot(nl('consent:ask'));

    // From the bot's side: typing `taal`, then choosing English.
    await chat.say('taal');
    await chat.tap(nl('commands:languageName.en'));
    await chat.waitForBot(en('commands:language.switched'));
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await page.title()).toBe(en('web:page.title'));
    expect(await chat.input.getAttribute('placeholder')).toBe(en('web:chat.placeholder'));
    expect(await chat.languageButton('en').getAttribute('aria-pressed')).toBe('true');
    expect(await chat.languageButton('nl').getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByRole('link', { name: en('web:page.privacy'), exact: true }).getAttribute('href')).toBe('/privacy?lang=en');

    // From the page's side: NL works at once (it was stuck before).
    await chat.languageButton('nl').click();
    await chat.waitForBot(nl('commands:language.switched'));
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await chat.input.getAttribute('placeholder')).toBe(nl('web:chat.placeholder'));

    // And the bot's switch is kept over a reload.
    await chat.say('taal');
    await chat.tap(nl('commands:languageName.en'));
    await chat.waitForBot(en('commands:language.switched'));
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await page.reload();
    await chat.waitForBot(en('commands:language.switched'));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await chat.input.getAttribute('placeholder')).toBe(en('web:chat.placeholder'));
  });

  it('clears the device after "verwijder mijn gegevens": a reload shows an empty chat that starts fresh', async () => {
    await page.goto(`${running.url}/`);
    await chat.tap(nl('consent:yes'));
    await chat.tap(nl('role:youth'));
    await chat.waitForBot('(1/5)');
    await chat.say('Mijn geheim');
    await chat.say('verwijder mijn gegevens');
    await chat.tap(nl('consent:yes'));
    await chat.waitForBot(nl('data:erase.again'));
    await chat.status.filter({ hasText: nl('web:status.erased') }).waitFor();
    const storedAfter = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hoormij.')));
    expect(storedAfter).toEqual([]);

    await page.reload();
    await chat.waitForBot(nl('consent:ask'));
    expect(await chat.user().count()).toBe(0);
    expect(await chat.messages.filter({ hasText: 'Mijn geheim' }).count()).toBe(0);
    expect(await chat.bot(nl('data:erase.again')).count()).toBe(0);
  });

  it('passes axe-core’s WCAG 2.1 AA rules, in both languages, with a list, links and choices on screen', async () => {
    await page.goto(`${running.url}/`);
    await chat.waitForBot(nl('consent:ask'));
    await chat.say('help');
    await chat.say('Ik wil niet meer leven');
    await chat.waitForBot(nl('safeguarding:reply.intro').slice(0, 30));
    expect(await accessibilityViolations(page)).toEqual([]);
    await chat.languageButton('en').click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('works with the keyboard alone, and announces each new bot message to screen readers', async () => {
    await page.goto(`${running.url}/`);
    await chat.waitForBot(nl('consent:ask'));
    const focused = () => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
    for (let i = 0; i < 12 && (await focused()) !== nl('consent:yes'); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(nl('consent:yes'));
    await page.keyboard.press('Enter');
    await chat.user(nl('consent:yes')).waitFor();
    await chat.waitForBot(nl('role:ask').slice(0, 20));

    // Focus is in the text box after a choice: typing goes on at once.
    await page.keyboard.type('jongere');
    await page.keyboard.press('Enter');
    await chat.waitForBot('(1/5)');
    const live = page.locator('[aria-live="polite"]');
    await live.filter({ hasText: '(1/5)' }).waitFor({ state: 'attached' });
    expect(await live.innerText()).not.toContain(nl('welcome:privacy'));
  });
});
