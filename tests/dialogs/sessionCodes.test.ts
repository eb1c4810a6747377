import type { Activity, ActivityHandler } from 'botbuilder';
import { pseudonymize } from '../../core/pseudonym';
import type { Locale } from '../../core/types';
import { translatorFor } from '../../locales';
import { createBot, createTestContext, START, testUser, texts, type TestContext } from '../helpers/testContext';
import { inBothLanguages, k, nothingElse, play, q, scale, type Transcript, channelLocaleOf, welcomePrivacy } from './transcript';

const DAY = 86_400_000;
const demo = { nl: 'Demoproject HoorMij', en: 'HoorMij demo project' };
const vlaanderen = { nl: 'Demo residentiële jeugdhulp Vlaanderen', en: 'Flanders residential care demo' };
const yesNo = { suggestedKeys: ['consent:yes', 'consent:no'] };
/** What the local Direct Line sends when the web chat opens a conversation. */
const opened = { activity: { type: 'conversationUpdate', membersAdded: [{ id: 'u1', name: '' }, { id: 'bot', name: '' }], text: undefined } };
/** The web chat page's join event for a new conversation, in the language of the page. */
const join = (code: string) => ({
  activity: (lang: Locale): Partial<Activity> => ({ type: 'event', name: 'webchat/join', value: { code, lang }, text: undefined }),
});

const transcripts: Transcript[] = [
  ...inBothLanguages('a first web chat visit with a code welcomes once, acknowledges the code, then asks consent last', [
    [opened, [k('welcome:hello', { project: demo }), welcomePrivacy, k('consent:ask'), yesNo, nothingElse]],
    // The question with its buttons comes after "your code is right", never above it.
    [join('K7PX4M'), [k('commands:code.acceptedFor', { project: vlaanderen }), k('consent:ask'), yesNo, nothingElse]],
    [{ nl: 'ja', en: 'yes' }, [k('consent:thanks'), k('role:ask'), nothingElse]],
    [{ nl: 'jongere', en: 'young person' }, [k('questions:intro.youth', { count: 5 }), q('session-check', 0), scale, nothingElse]],
  ]),
  ...inBothLanguages('a join that arrives before the welcome event greets once and asks consent once', [
    [join('K7PX4M'), [k('welcome:hello', { project: vlaanderen }), welcomePrivacy, k('commands:code.accepted'), k('consent:ask'), yesNo, nothingElse]],
    [opened, 'silence'],
    [join('K7PX4M'), 'silence'],
    [{ nl: 'ja', en: 'yes' }, [k('consent:thanks'), k('role:ask'), nothingElse]],
  ]),
  ...inBothLanguages('a code typed while consent is open is acknowledged and consent asked once more', [
    ['hoi', [k('welcome:hello', { project: demo }), welcomePrivacy, k('consent:ask'), nothingElse]],
    ['start K7PX4M', [k('commands:code.acceptedFor', { project: vlaanderen }), k('consent:ask'), yesNo, nothingElse]],
    ['start K7PX4M', [k('commands:code.accepted'), k('consent:ask'), yesNo, nothingElse]],
    [{ nl: 'ja', en: 'yes' }, [k('consent:thanks'), k('role:ask'), nothingElse]],
  ]),
  ...inBothLanguages('the code of the run under way keeps the open question; a wrong code asks it again', [
    ['start K7PX4M', [k('consent:ask')]],
    [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
    [{ nl: 'jongere', en: 'young person' }, [q('session-check', 0)]],
    ['4', [q('session-check', 1), scale, nothingElse]],
    ['start K7PX4M', [k('commands:code.accepted'), q('session-check', 1), scale, nothingElse]],
    ['start ZZZZZZ', [k('commands:code.unknown'), q('session-check', 1), scale, nothingElse]],
    ['5', [q('session-check', 2), scale, nothingElse]],
  ]),
  ...inBothLanguages('a valid code is accepted before consent and the run follows', [
    ['start k7p x4m', [k('welcome:privacy'), k('commands:code.accepted'), k('consent:ask')]],
    [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
    [{ nl: 'jongere', en: 'young person' }, [q('session-check', 0)]],
  ]),
  ...inBothLanguages('an unknown code says what to do and starts nothing', [
    ['start ZZZZZZ', [k('welcome:privacy'), k('commands:code.unknown')]],
    ['start 2345AB', [k('commands:code.unknown')]],
    [{ nl: 'ja', en: 'yes' }, [k('commands:code.unknown')]],
    ['start', [k('consent:ask')]],
  ]),
  ...inBothLanguages('an expired code says so', [
    ['start OLDC0D', [k('commands:code.invalid')]],
    ['start AAAAAA', [k('commands:code.expired')]],
  ]),
];

describe('session codes', () => {
  let ctx: TestContext;
  let bot: ActivityHandler;
  const id = (user: string) => pseudonymize(ctx.app.secrets.pseudonymSecret, 'test', user);

  beforeEach(async () => {
    ctx = await createTestContext();
    bot = createBot(ctx);
    await ctx.app.store.addSessionCodes([
      { code: 'K7PX4M', project: 'vlaanderen-demo', team: 'leefgroep-1', createdAt: START.toISOString(), expiresAt: new Date(START.getTime() + 30 * DAY).toISOString() },
      { code: 'AAAAAA', project: 'demo', team: 'wijkteam-noord', createdAt: new Date(START.getTime() - 40 * DAY).toISOString(), expiresAt: new Date(START.getTime() - 10 * DAY).toISOString() },
    ]);
  });
  afterEach(async () => ctx.close());

  it.each(transcripts)('$name ($locale)', async (transcript) => {
    const user = testUser(bot, { locale: channelLocaleOf(transcript), user: 'u1' });
    await play(user, transcript, ctx.app.data);
  });

  it("ties answers to the code's project and team and remembers them on the participant", async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'u1' });
    for (const text of ['start K7PX4M', 'ja', 'jongere', '4']) await user.say(text);
    const rows = await ctx.app.store.listResponsesOfParticipant(id('u1'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ project: 'vlaanderen-demo', team: 'leefgroep-1', week: '2026-W11' });
    expect(await ctx.app.store.getParticipant(id('u1'))).toMatchObject({ project: 'vlaanderen-demo', team: 'leefgroep-1' });
  });

  it('welcomes in the name of the project of the code', async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'u1' });
    const replies = texts(await user.say('start K7PX4M'));
    expect(replies[0]).toBe(translatorFor('nl')('welcome:hello', { project: 'Demo residentiële jeugdhulp Vlaanderen' }));
  });

  it('does not fall back to the default project after a code failed', async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'u1' });
    const t = translatorFor('nl');
    await user.say('start AAAAAA');
    expect(texts(await user.say('ja'))).toEqual([t('commands:code.expired')]);
    expect(texts(await user.say('4'))).toEqual([t('commands:code.expired')]);
    expect(await ctx.app.store.getParticipant(id('u1'))).toBeUndefined();
    expect(await ctx.app.store.listResponsesOfParticipant(id('u1'))).toEqual([]);
  });

  it('takes the code and language of the web chat join event, once', async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'u1' });
    const join = { type: 'event', name: 'webchat/join', value: { code: 'k7px4m', lang: 'en' }, text: undefined };
    const t = translatorFor('en');
    const replies = texts(await user.say(join));
    expect(replies).toContain(t('commands:code.accepted'));
    expect(replies).toContain(t('consent:ask'));
    expect(await user.say(join)).toEqual([]);
    for (const text of ['yes', 'young person', '5']) await user.say(text);
    expect((await ctx.app.store.listResponsesOfParticipant(id('u1')))[0]).toMatchObject({ project: 'vlaanderen-demo', locale: 'en' });
  });

  it('starts a fresh run when a new code is used after a finished check', async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'u1' });
    for (const text of ['hoi', 'ja', 'jongere', '4', '4', '4', '4', 'overslaan']) await user.say(text);
    const replies = texts(await user.say('start K7PX4M')).join('\n');
    const t = translatorFor('nl');
    expect(replies).toContain(t('commands:code.accepted'));
    expect(replies).toContain(t('questions:intro.youth', { count: 5 }));
    await user.say('5');
    const rows = await ctx.app.store.listResponsesOfParticipant(id('u1'));
    expect(rows.filter((r) => r.project === 'demo')).toHaveLength(5);
    expect(rows.filter((r) => r.project === 'vlaanderen-demo')).toHaveLength(1);
  });
});
