import { sessionCodeCard } from '../../cards/sessionCodeMessage';
import { loadConfigData } from '../../core/configData';
import type { SessionCode } from '../../core/types';
import { translatorFor } from '../../locales';
import { adaptiveCardProblems, TEAMS_MESSAGE_LIMIT_BYTES } from '../helpers/adaptiveCard';
import { ROOT } from '../helpers/botHttp';
import { join } from 'node:path';

const data = loadConfigData(join(ROOT, 'config'));
const demo = data.projects.get('demo')!;
const code: SessionCode = { code: 'K7PX4M', project: 'demo', team: 'wijkteam-noord', createdAt: '2026-03-10T10:00:00.000Z', expiresAt: '2026-04-09T10:00:00.000Z' };
const nl = { locale: 'nl' as const, t: translatorFor('nl') };
const en = { locale: 'en' as const, t: translatorFor('en') };

describe('the session code card', () => {
  it('is a valid Adaptive Card 1.5 well under Teams’ size limit, in both languages', async () => {
    for (const lang of [nl, en]) {
      const card = await sessionCodeCard(code, demo, { url: 'https://hoormij.example.org', configured: true }, lang, 'code wijkteam-noord');
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES / 2);
    }
  });

  it('says how long the code stays valid, in the project’s time zone', async () => {
    const json = JSON.stringify(await sessionCodeCard(code, demo, { url: 'https://hoormij.example.org', configured: true }, nl));
    expect(json).toContain(nl.t('sessionCode:card.validValue', { date: '9 april 2026', count: 30 }));
    expect(JSON.stringify(await sessionCodeCard(code, demo, { url: 'https://hoormij.example.org', configured: true }, en))).toContain('until 9 April 2026 (30 days)');
  });

  it('warns on the card when PUBLIC_BASE_URL is missing or not https', async () => {
    const local = JSON.stringify(await sessionCodeCard(code, demo, { url: 'http://localhost:3978', configured: false }, nl));
    expect(local).toContain(nl.t('sessionCode:link.missing', { url: 'http://localhost:3978/?code=K7PX4M' }));
    const plain = await sessionCodeCard(code, demo, { url: 'http://hoormij.example.org', configured: true }, en);
    expect(JSON.stringify(plain)).toContain(en.t('sessionCode:link.notHttps', { url: 'http://hoormij.example.org/?code=K7PX4M' }));
    expect(plain.fallbackText).toContain('https://');
  });

  it('has no button without a command to send back (the CLI card)', async () => {
    expect((await sessionCodeCard(code, demo, { url: 'https://x.example', configured: true }, nl)).actions).toBeUndefined();
  });

  it('is checked by a validator that can fail', () => {
    expect(adaptiveCardProblems({ type: 'AdaptiveCard', version: '1.2', body: [{ type: 'Chart.Pie' }, { type: 'TextBlock', text: 'x', size: 'huge' }] })).toEqual([
      'version 1.2 is not 1.5',
      'body[0]: unknown element Chart.Pie',
      'body[1]: size "huge"',
    ]);
  });
});
