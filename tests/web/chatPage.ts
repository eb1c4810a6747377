import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { translatorFor } from '../../locales';

/** Debian's Chromium as the browser tests run it: headless, nothing fetched from outside. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const nl = translatorFor('nl');
const en = translatorFor('en');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An accessible name in either page language (the page may switch under the test). */
const either = (key: string) => new RegExp(`^(?:${escape(nl(key))}|${escape(en(key))})$`);

/**
 * The web chat as a person (or a screen reader) meets it: the messages in the transcript with
 * who said them, the choices offered, the text box and the language buttons. No CSS classes,
 * so these hold whatever draws the chat.
 */
export function chatPage(page: Page) {
  const transcript = page.getByRole('region', { name: either('web:chat.transcript') });
  const messages = transcript.getByRole('listitem');
  const from = (key: string) => messages.filter({ hasText: new RegExp(`^(?:${escape(nl(key))}|${escape(en(key))}): `) });
  const input = page.getByRole('textbox', { name: either('web:chat.inputLabel') });
  return {
    transcript,
    messages,
    /** Messages of the bot (their spoken prefix "HoorMij:"), optionally containing `text`. */
    bot: (text?: string): Locator => (text === undefined ? from('web:chat.bot') : from('web:chat.bot').filter({ hasText: text })),
    user: (text?: string): Locator => (text === undefined ? from('web:chat.you') : from('web:chat.you').filter({ hasText: text })),
    choice: (title: string): Locator => page.getByRole('group', { name: either('web:chat.choices') }).getByRole('button', { name: title, exact: true }),
    input,
    status: page.getByRole('status'),
    languageButton: (lng: 'nl' | 'en') => page.getByRole('button', { name: nl(`web:language.${lng}`) }),
    async say(text: string): Promise<void> {
      await input.fill(text);
      await input.press('Enter');
    },
    async waitForBot(text: string): Promise<void> {
      await from('web:chat.bot').filter({ hasText: text }).last().waitFor({ state: 'visible' });
    },
    async tap(title: string): Promise<void> {
      const button = page.getByRole('group', { name: either('web:chat.choices') }).getByRole('button', { name: title, exact: true });
      await button.waitFor({ state: 'visible' });
      await button.click();
    },
  };
}

/** Requests the page makes to anything but this machine (must stay empty). */
export function watchExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') external.push(r.url());
  });
  return external;
}

interface AxeViolation {
  id: string;
  impact: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now (evaluated outside the page's CSP). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, WCAG_21_AA);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

