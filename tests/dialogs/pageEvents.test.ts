import type { Activity, ActivityHandler } from 'botbuilder';
import { translatorFor } from '../../locales';
import { createBot, createTestContext, testUser, type TestContext } from '../helpers/testContext';

const events = (replies: Partial<Activity>[]) => replies.filter((r) => r.type === 'event').map((r) => ({ name: r.name, value: r.value as unknown }));
const messages = (replies: Partial<Activity>[]) => replies.filter((r) => r.type === 'message');

describe('the bot keeps the web chat page in step', () => {
  let ctx: TestContext;
  let bot: ActivityHandler;
  beforeEach(async () => {
    ctx = await createTestContext();
    bot = createBot(ctx);
  });
  afterEach(async () => ctx.close());

  it.each([
    ['nl-NL', 'taal', 'English', 'en'],
    ['en-US', 'language', 'Nederlands', 'nl'],
  ])('a switch by typing (%s: %s, %s) tells the page the new language, after the confirmation', async (locale, ask, answer, lang) => {
    const user = testUser(bot, { locale, user: 'u1', channelId: 'directline' });
    await user.say('hoi');
    await user.say(ask);
    const replies = await user.say(answer);
    expect(messages(replies)[0].text).toBe(translatorFor(lang === 'en' ? 'en' : 'nl')('commands:language.switched'));
    expect(events(replies)).toEqual([{ name: 'hoormij/language', value: { lang } }]);
    expect(replies.findIndex((r) => r.type === 'event')).toBeGreaterThan(0);
  });

  it.each([
    ['nl-NL', 'verwijder mijn gegevens', 'ja'],
    ['en-US', 'delete my data', 'yes'],
  ])('an erasure (%s) tells the page to forget this device, as the last thing of the turn', async (locale, erase, yes) => {
    const user = testUser(bot, { locale, user: 'u1', channelId: 'directline' });
    await user.say('hoi');
    await user.say(erase);
    const replies = await user.say(yes);
    expect(events(replies)).toEqual([{ name: 'hoormij/erased', value: undefined }]);
    expect(replies[replies.length - 1].type).toBe('event');
  });

  it('sends no page events on channels without the page (WhatsApp, Teams)', async () => {
    for (const channelId of ['whatsapp', 'msteams']) {
      const user = testUser(bot, { locale: 'nl-NL', user: `u-${channelId}`, channelId });
      await user.say('hoi');
      await user.say('taal');
      const switched = await user.say('English');
      await user.say('delete my data');
      const erased = await user.say('yes');
      expect(events([...switched, ...erased])).toEqual([]);
    }
  });

  it('keeps line breaks visible where the channel reads text as Markdown (Teams), and as they are elsewhere', async () => {
    const help = translatorFor('nl')('commands:help');
    expect(help).toContain('\n');
    const teams = testUser(bot, { locale: 'nl-NL', user: 'u-teams', channelId: 'msteams' });
    const page = testUser(bot, { locale: 'nl-NL', user: 'u-page', channelId: 'directline' });
    await teams.say('hoi');
    await page.say('hoi');
    const teamsTexts = messages(await teams.say('help')).map((m) => m.text);
    const pageTexts = messages(await page.say('help')).map((m) => m.text);
    expect(teamsTexts).toContain(help.split('\n').join('\n\n'));
    expect(pageTexts).toContain(help);
  });
});
