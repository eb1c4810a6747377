import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { translatorFor } from '../../locales';
import { startDirectLineHarness, type DirectLineHarness } from '../channels/directline/support/directLineHarness';
import { chatPage, CHROMIUM_ARGS, watchExternalRequests } from './chatPage';

const en = translatorFor('en');

jest.setTimeout(90_000);

/** The page against the protocol-test bot: page behaviour without the feedback dialogs. */
describe('the web chat page (chromium, headless)', () => {
  let browser: Browser;
  let h: DirectLineHarness;
  let context: BrowserContext;
  let page: Page;
  let chat: ReturnType<typeof chatPage>;
  let external: string[];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser.close();
  });

  async function open(env: Record<string, string> = {}) {
    h = await startDirectLineHarness({ DIRECTLINE_TOKEN_TTL_SECONDS: '60', ...env });
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
    page = await context.newPage();
    await page.clock.install();
    chat = chatPage(page);
    external = watchExternalRequests(page);
  }
  afterEach(async () => {
    expect(external).toEqual([]);
    await context.close();
    await h.close();
  });

  const bot = (text: string) => chat.bot(text);
  const user = (text: string) => chat.user(text);
  const say = (text: string) => chat.say(text);
  const stored = () =>
    page.evaluate(() => ({
      userId: localStorage.getItem('hoormij.userId'),
      conversation: JSON.parse(localStorage.getItem('hoormij.conversation') ?? 'null') as { conversationId: string } | null,
    }));

  it('starts by itself and joins with the session code and language of the link', async () => {
    await open();
    await page.goto(`${h.url}/?code=k7px4m&lang=en`);
    await bot('joined K7PX4M en').waitFor();
    const { userId } = await stored();
    expect(userId).toMatch(/^dl_[0-9a-f]{32}$/);
    await bot(`welcome ${userId}`).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe(en('web:page.title'));
    expect(await chat.input.getAttribute('placeholder')).toBe(en('web:chat.placeholder'));
  });

  it('ignores a code of the wrong shape in the link', async () => {
    await open();
    await page.goto(`${h.url}/?code=OOO111`);
    await bot('joined - nl').waitFor();
  });

  it('sends a tapped suggested action as the user’s answer', async () => {
    await open();
    await page.goto(`${h.url}/`);
    await say('hoi');
    await bot('echo hoi #1').waitFor();
    await chat.tap('ok');
    await user('ok').waitFor();
    await bot('echo ok #2').waitFor();
  });

  it('continues the same conversation after a reload, and a new link on the same device is the same participant', async () => {
    await open();
    await page.goto(`${h.url}/?code=K7PX4M`);
    await say('een');
    await bot('echo een #1').waitFor();
    const before = await stored();

    await page.reload();
    await bot('echo een #1').waitFor();
    const reloaded = await stored();
    expect(reloaded.userId).toBe(before.userId);
    expect(reloaded.conversation?.conversationId).toBe(before.conversation?.conversationId);
    expect(await bot('welcome').count()).toBe(1);
    expect(await bot('joined').count()).toBe(1);
    await say('twee');
    await bot('echo twee #2').waitFor();

    // Later, a new session code on the same phone: a new conversation, the same user id.
    await page.goto(`${h.url}/?code=ABCDEF`);
    await bot('joined ABCDEF nl').waitFor();
    const after = await stored();
    expect(after.userId).toBe(before.userId);
    expect(after.conversation?.conversationId).not.toBe(before.conversation?.conversationId);
    await say('drie');
    await bot('echo drie #3').waitFor();
  });

  it('switches language on the page and tells the bot', async () => {
    await open();
    await page.goto(`${h.url}/`);
    await bot('joined - nl').waitFor();
    await page.getByRole('button', { name: en('web:language.en') }).click();
    await bot('joined - en').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: en('web:language.en') }).getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await chat.input.getAttribute('placeholder')).toBe(en('web:chat.placeholder'));
    expect(await page.getByRole('button', { name: en('web:chat.send') }).isVisible()).toBe(true);
    // Pressing NL again switches back: the page does not get stuck on one language.
    await page.getByRole('button', { name: en('web:language.nl') }).click();
    await bot('joined - nl').nth(1).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await page.getByRole('button', { name: en('web:language.en') }).click();
    await bot('joined - en').nth(1).waitFor();
    await page.reload();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('keeps an open tab working: its token is refreshed halfway, and renewed when it expired meanwhile', async () => {
    await open();
    await page.goto(`${h.url}/`);
    await say('een');
    await bot('echo een #1').waitFor();
    const { conversation } = await stored();

    // Halfway through the lifetime the page refreshes its token.
    let refreshed = page.waitForResponse((r) => r.url().endsWith('/tokens/refresh') && r.status() === 200);
    h.clock.advance(35_000);
    await page.clock.fastForward(35_000);
    await refreshed;

    // The laptop slept: the server's clock ran past the token's life, the page's timers did not.
    const renewed = page.waitForResponse((r) => r.url().endsWith('/api/directline/token') && r.status() === 200);
    refreshed = page.waitForResponse((r) => r.url().endsWith('/tokens/refresh'));
    h.clock.advance(120_000);
    await page.clock.fastForward(35_000);
    expect((await refreshed).status()).toBe(403);
    await renewed;

    await say('twee');
    await bot('echo twee #2').waitFor();
    expect((await stored()).conversation?.conversationId).toBe(conversation?.conversationId);
  });

  it('recovers the same conversation when a message meets an expired token, and still sends that message', async () => {
    await open();
    await page.goto(`${h.url}/`);
    await say('een');
    await bot('echo een #1').waitFor();
    const { conversation } = await stored();

    const forbidden = page.waitForResponse((r) => r.url().endsWith('/activities') && r.request().method() === 'POST' && r.status() === 403);
    const renewed = page.waitForResponse((r) => r.url().endsWith('/api/directline/token') && r.status() === 200);
    h.clock.advance(120_000);
    await say('verloren');
    await forbidden;
    await renewed;
    await bot('echo verloren #2').waitFor();
    await say('opnieuw');
    await bot('echo opnieuw #3').waitFor();
    expect(await bot('echo een #1').count()).toBe(1);
    expect((await stored()).conversation?.conversationId).toBe(conversation?.conversationId);
  });

  it('starts a new conversation as the same participant when the server has forgotten the old one', async () => {
    await open({ DIRECTLINE_IDLE_MINUTES: '5', DIRECTLINE_TOKEN_TTL_SECONDS: '3600' });
    await page.goto(`${h.url}/`);
    await say('een');
    await bot('echo een #1').waitFor();
    const before = await stored();

    h.clock.advance(6 * 60_000);
    await say('twee');
    await chat.status.filter({ hasText: translatorFor('nl')('web:status.restarted') }).waitFor();
    // The message that found the conversation gone is sent again in the new one.
    await bot('echo twee #2').waitFor();
    const after = await stored();
    expect(after.userId).toBe(before.userId);
    expect(after.conversation?.conversationId).not.toBe(before.conversation?.conversationId);
    await say('drie');
    await bot('echo drie #3').waitFor();
  });

  it('answers messages over the per-minute limit with a friendly slow-down, and the chat goes on after the minute', async () => {
    await open({ DIRECTLINE_ACTIVITIES_PER_MINUTE: '2', DIRECTLINE_TOKEN_TTL_SECONDS: '3600' });
    await page.goto(`${h.url}/`);
    await bot('joined - nl').waitFor();
    await say('een');
    await bot('echo een #1').waitFor();
    const refused = page.waitForResponse((r) => r.url().endsWith('/activities') && r.request().method() === 'POST' && r.status() === 429);
    await say('twee');
    expect(Number((await refused).headers()['retry-after'])).toBeGreaterThanOrEqual(1);
    await bot(translatorFor('nl')('web:chat.slowDown')).waitFor();

    h.clock.advance(61_000);
    await say('drie');
    await bot('echo drie #2').waitFor();
    expect(await bot('echo twee').count()).toBe(0);
  });

  it('waits and tries again when the server is full', async () => {
    await open({ DIRECTLINE_MAX_CONVERSATIONS: '1' });
    const other = await fetch(`${h.url}/api/directline/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'dl_someoneelse0000000000' }),
    });
    expect(other.status).toBe(200);

    await page.goto(`${h.url}/`);
    await chat.status.filter({ hasText: translatorFor('nl')('web:status.busy') }).waitFor();
    h.clock.advance(61_000);
    await page.clock.fastForward(61_000);
    await bot('joined - nl').waitFor();
    expect(await chat.status.isVisible()).toBe(false);
  });
});
