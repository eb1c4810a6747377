import type { Activity, ActivityHandler } from 'botbuilder';
import { pseudonymize } from '../../core/pseudonym';
import { translatorFor } from '../../locales';
import { createBot, createTestContext, testUser, texts, type TestContext } from '../helpers/testContext';
import { card, inBothLanguages, k, nothingElse, play, q, scale, skipOffered, type Transcript, channelLocaleOf, welcomePrivacy } from './transcript';

const project = { nl: 'Demoproject HoorMij', en: 'HoorMij demo project' };
const welcome = [k('welcome:privacy')];
const yesNo = { suggestedKeys: ['consent:yes', 'consent:no'] };
const roles = { suggestedKeys: ['role:youth', 'role:parent'] };
const opened = { activity: { type: 'conversationUpdate', membersAdded: [{ id: 'u1', name: '' }, { id: 'bot', name: '' }], text: undefined } };

/**
 * Everything a participant sees on first contact, message by message: short texts, one
 * question per turn and always with its choices, and a last word on what happens next.
 */
const wholeFirstContact: Transcript[] = [
  ...inBothLanguages('a young person in the web chat, from hello to the summary', [
    [opened, [k('welcome:hello', { project }), welcomePrivacy, k('consent:ask'), yesNo, nothingElse]],
    [{ nl: 'ja', en: 'yes' }, [k('consent:thanks'), k('role:ask'), roles, nothingElse]],
    [{ nl: 'jongere', en: 'young person' }, [k('questions:intro.youth', { count: 5 }), q('session-check', 0), scale, nothingElse]],
    ['4', [q('session-check', 1), scale, nothingElse]],
    ['5', [q('session-check', 2), scale, nothingElse]],
    ['3', [q('session-check', 3), scale, nothingElse]],
    ['4', [q('session-check', 4), skipOffered, nothingElse]],
    [{ nl: 'Het was fijn', en: 'It was nice' }, [card('summary:title', 'summary:intro', 'summary:remark'), k('summary:after.youth'), nothingElse]],
    ['hoi', [k('commands:finished'), nothingElse]],
  ]),
  ...inBothLanguages('a parent on a text channel, from hello to the thank-you', [
    ['hoi', [k('welcome:hello', { project }), welcomePrivacy, k('consent:ask'), yesNo, nothingElse]],
    [{ nl: 'ja', en: 'yes' }, [k('consent:thanks'), k('role:ask'), roles, nothingElse]],
    [{ nl: 'ouder', en: 'parent' }, [k('questions:intro.parent', { count: 5 }), q('parent-checkin', 0), scale, nothingElse]],
    ['4', [q('parent-checkin', 1), scale, nothingElse]],
    ['4', [q('parent-checkin', 2), scale, nothingElse]],
    ['4', [q('parent-checkin', 3), scale, nothingElse]],
    ['4', [q('parent-checkin', 4), skipOffered, nothingElse]],
    [{ nl: 'overslaan', en: 'skip' }, [k('summary:parentThanks'), k('summary:after.parent'), nothingElse]],
  ]),
];

const transcripts: Transcript[] = [
  ...inBothLanguages('consent is only a clear yes or no on its own: no yes inside a sentence, no typo', [
    ['hoi', [k('consent:ask')]],
    [{ nl: 'ja maar eerst even kijken', en: 'yes but let me look first' }, [k('consent:hint'), k('consent:ask'), yesNo, nothingElse]],
    [{ nl: 'jq', en: 'yse' }, [k('consent:hint'), k('consent:ask'), yesNo, nothingElse]],
    [{ nl: 'Ja!', en: 'Yes!' }, [k('consent:thanks'), k('role:ask'), roles, nothingElse]],
  ]),
  ...inBothLanguages('one typo in a role word of five letters or more is forgiven, not in a shorter one', [
    ['hoi', [k('consent:ask')]],
    [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
    [{ nl: 'kidn', en: 'kdi' }, [k('role:hint'), k('role:ask'), roles, nothingElse]],
    [{ nl: 'jongre', en: 'yuong person' }, [k('questions:intro.youth', { count: 5 }), q('session-check', 0), scale, nothingElse]],
  ]),
  ...inBothLanguages('a parent who types the role word with a slip still gets the parent questions', [
    ['hoi', [k('consent:ask')]],
    [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
    [{ nl: 'oudr', en: 'parnet' }, [k('questions:intro.parent', { count: 5 }), q('parent-checkin', 0), scale, nothingElse]],
  ]),
  ...inBothLanguages('the number word for 1 is a score when it is the whole answer', [
    ['hoi', [k('consent:ask')]],
    [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
    [{ nl: 'jongere', en: 'young person' }, [q('session-check', 0)]],
    [{ nl: 'een', en: 'one' }, [q('session-check', 1), scale, nothingElse]],
    [{ nl: 'Eén!', en: 'One' }, [q('session-check', 2), scale, nothingElse]],
    [{ nl: 'ik denk een 4', en: 'i think a 4' }, [q('session-check', 3), scale, nothingElse]],
  ]),
  ...inBothLanguages('a yes to consent leads to the role and the first question', [
    ['hoi', [...welcome, k('consent:ask')]],
    [{ nl: 'Ja hoor!', en: 'Yes please' }, [k('consent:thanks'), k('role:ask')]],
    [{ nl: 'ik ben een jongere', en: 'young person' }, [k('questions:intro.youth', { count: 5 }), q('session-check', 0), scale]],
  ]),
  ...inBothLanguages('a no to consent ends politely and asks nothing more', [
    ['hallo', [k('consent:ask')]],
    [{ nl: 'NEE', en: 'NO' }, [k('consent:declined')]],
    ['4', [k('consent:declinedReminder')]],
  ]),
  ...inBothLanguages('a thumb or a stretched yes on a phone keyboard answers the choice', [
    ['hoi', [k('consent:ask')]],
    ['👍', [k('consent:thanks'), k('role:ask'), roles, nothingElse]],
    [{ nl: 'meisje', en: 'girl' }, [k('questions:intro.youth', { count: 5 }), q('session-check', 0), scale]],
  ]),
  ...inBothLanguages('a stretched yes and a thumbs down are understood too', [
    ['hoi', [k('consent:ask')]],
    [{ nl: 'jaaa', en: 'yup' }, [k('consent:thanks'), k('role:ask')]],
    ['stop', [k('commands:stopped')]],
    [{ nl: 'verwijder mijn gegevens', en: 'delete my data' }, [k('data:erase.confirm')]],
    ['👎', [k('data:erase.cancelled'), nothingElse]],
  ]),
  ...inBothLanguages('consent is asked again with a hint when the answer is unclear', [
    ['hallo', [k('consent:ask')]],
    ['misschien', [k('consent:hint'), k('consent:ask')]],
    [{ nl: 'ok', en: 'ok' }, [k('consent:thanks'), k('role:ask')]],
    ['wie?', [k('role:hint'), k('role:ask')]],
    [{ nl: 'Ouder', en: 'Parent' }, [k('questions:intro.parent', { count: 5 }), q('parent-checkin', 0), scale]],
  ]),
  ...inBothLanguages('empty text, attachments only and card submits get a sensible reply', [
    ['hoi', [k('consent:ask')]],
    [{ activity: { text: '   ' } }, [k('commands:empty'), k('consent:ask')]],
    [{ activity: { text: undefined, attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1/x.png' }] } }, [k('commands:textOnly'), k('consent:ask')]],
    [{ activity: { text: undefined, value: { choice: 'ja' } } }, [k('consent:thanks'), k('role:ask')]],
    [{ activity: { text: undefined, value: { text: 'jongere' } } }, [q('session-check', 0)]],
    [{ activity: { text: undefined, value: { choice: 4 } } }, [q('session-check', 1)]],
    [{ activity: { text: undefined, value: 'not an object' } }, [k('commands:empty'), q('session-check', 1)]],
    [{ activity: { type: 'typing' } }, 'silence'],
  ]),
];

describe('first contact', () => {
  let ctx: TestContext;
  let bot: ActivityHandler;

  beforeEach(async () => {
    ctx = await createTestContext();
    bot = createBot(ctx);
  });
  afterEach(async () => ctx.close());

  it.each(transcripts)('$name ($locale)', async (transcript) => {
    const user = testUser(bot, { locale: channelLocaleOf(transcript) });
    await play(user, transcript, ctx.app.data);
  });

  it.each(wholeFirstContact)('shows exactly this, short and one question at a time: $name ($locale)', async (transcript) => {
    const channelId = transcript.name.includes('web chat') ? 'directline' : 'test';
    const user = testUser(bot, { locale: channelLocaleOf(transcript), user: 'u1', channelId });
    const turns = await play(user, transcript, ctx.app.data);
    for (const replies of turns) {
      // No wall of text: every message fits a phone screen without scrolling.
      for (const r of replies) expect({ text: r.text, length: (r.text ?? '').length <= 180 }).toEqual({ text: r.text, length: true });
      // One question per turn: only the last message offers choices.
      const withChoices = replies.map((r, i) => ((r.suggestedActions?.actions.length ?? 0) > 0 ? i : -1)).filter((i) => i >= 0);
      expect(withChoices.length === 0 || (withChoices.length === 1 && withChoices[0] === replies.length - 1)).toBe(true);
    }
  });

  it.each([
    ['nl-NL', 'nl'],
    ['en-US', 'en'],
  ] as const)('says who asks, in the channel language (%s)', async (tag, lng) => {
    const user = testUser(bot, { locale: tag });
    const replies = texts(await user.say('hoi'));
    expect(replies[0]).toBe(translatorFor(lng)('welcome:hello', { project: project[lng] }));
  });

  it('falls back to DEFAULT_LOCALE when the channel locale is unknown', async () => {
    const user = testUser(bot, { locale: 'fr-FR' });
    expect(texts(await user.say('bonjour'))).toContain(translatorFor('nl')('consent:ask'));
  });

  it.each([
    ['nl-NL', ['een', 'één', 'ik denk een 4', 'Vijf']],
    ['en-US', ['one', 'One!', 'i think a 4', 'five']],
  ] as const)('stores the number word for 1 as 1 and "ik denk een 4" as 4 (%s)', async (locale, answers) => {
    const user = testUser(bot, { locale, user: `scores-${locale.slice(0, 2)}` });
    for (const text of ['hoi', locale === 'nl-NL' ? 'ja' : 'yes', locale === 'nl-NL' ? 'jongere' : 'young person', ...answers]) await user.say(text);
    const id = pseudonymize(ctx.app.secrets.pseudonymSecret, 'test', `scores-${locale.slice(0, 2)}`);
    const scores = (await ctx.app.store.listResponsesOfParticipant(id)).map((r) => r.score);
    expect(scores.sort()).toEqual([1, 1, 4, 5]);
  });

  it('stores nothing in the domain store after a no', async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'decliner' });
    await user.say('hoi');
    await user.say('nee');
    const id = pseudonymize(ctx.app.secrets.pseudonymSecret, 'test', 'decliner');
    expect(await ctx.app.store.getParticipant(id)).toBeUndefined();
    expect(await ctx.app.store.listResponsesOfParticipant(id)).toEqual([]);
  });

  it('creates the participant record on a yes, under the pseudonym', async () => {
    const user = testUser(bot, { locale: 'en-US', user: 'joiner' });
    await user.say('hi');
    await user.say('yes');
    await user.say('parent');
    const id = pseudonymize(ctx.app.secrets.pseudonymSecret, 'test', 'joiner');
    expect(await ctx.app.store.getParticipant(id)).toMatchObject({
      id,
      role: 'parent',
      locale: 'en',
      consent: true,
      consentAt: ctx.clock.now().toISOString(),
      optedOut: false,
      project: 'demo',
      team: null,
      channel: 'test',
    });
  });

  it('remembers consent and role in a new conversation of the same person', async () => {
    const first = testUser(bot, { locale: 'nl-NL', user: 'returner', conversation: 'c1' });
    await first.say('hoi');
    await first.say('ja');
    await first.say('jongere');
    const second = testUser(bot, { locale: 'nl-NL', user: 'returner', conversation: 'c2' });
    const replies = texts(await second.say('hoi'));
    const t = translatorFor('nl');
    expect(replies.join('\n')).toContain(t('welcome:privacy'));
    expect(replies.join('\n')).not.toContain(t('consent:ask'));
    expect(replies.join('\n')).not.toContain(t('role:ask'));
    expect(replies.join('\n')).toContain(t('questions:intro.youth', { count: 5 }));
  });

  it('greets once on conversationUpdate and never again in that conversation', async () => {
    const user = testUser(bot, { locale: 'nl-NL' });
    const t = translatorFor('nl');
    const added: Partial<Activity> = { type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'u' }, { id: 'bot', name: 'b' }], text: undefined };
    const greeting = texts(await user.say(added));
    expect(greeting.join('\n')).toContain(t('welcome:privacy'));
    expect(greeting).toContain(t('consent:ask'));
    expect(texts(await user.say(added))).toEqual([]);
    const answer = texts(await user.say('ja'));
    expect(answer.join('\n')).not.toContain(t('welcome:privacy'));
    expect(answer).toContain(t('role:ask'));
  });

  it('does not greet when only the bot joins', async () => {
    const user = testUser(bot, { locale: 'nl-NL' });
    expect(await user.say({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'b' }], text: undefined })).toEqual([]);
  });

  it('starts a web chat in the language the page asks for', async () => {
    const user = testUser(bot, { locale: 'nl-NL' });
    const t = translatorFor('en');
    const replies = texts(await user.say({ type: 'event', name: 'webchat/join', value: { lang: 'en' }, text: undefined }));
    expect(replies[0]).toBe(t('welcome:hello', { project: project.en }));
    expect(replies).toContain(t('consent:ask'));
    expect(texts(await user.say({ type: 'event', name: 'webchat/join', value: { lang: 'en' }, text: undefined }))).toEqual([]);
    expect(texts(await user.say('yes'))).toContain(t('role:ask'));
  });

  it('ignores events it does not know', async () => {
    const user = testUser(bot, { locale: 'nl-NL' });
    expect(await user.say({ type: 'event', name: 'something/else', value: 42, text: undefined })).toEqual([]);
    expect(await user.say({ type: 'messageReaction', text: undefined })).toEqual([]);
  });
});
