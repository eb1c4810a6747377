import type { Activity, ActivityHandler } from 'botbuilder';
import { participantCode, pseudonymize } from '../../core/pseudonym';
import type { Locale } from '../../core/types';
import { translatorFor } from '../../locales';
import { createBot, createTestContext, testUser, texts, type TestContext } from '../helpers/testContext';
import { inBothLanguages, k, notSaid, nothingElse, p, play, q, raw, saidLike, scale, type Step, type Transcript, channelLocaleOf } from './transcript';

const other = (l: Locale): Locale => (l === 'nl' ? 'en' : 'nl');
const yesNo = { suggestedKeys: ['consent:yes', 'consent:no'] };
const roles = { suggestedKeys: ['role:youth', 'role:parent'] };
const opened = { activity: { type: 'conversationUpdate', membersAdded: [{ id: 'u1', name: '' }, { id: 'bot', name: '' }], text: undefined } };
const joinEvent = (lang: Locale): Partial<Activity> => ({ type: 'event', name: 'webchat/join', value: { lang }, text: undefined });
/** The page's first join of a new conversation, in the language the conversation speaks. */
const pageJoins = { activity: (l: Locale) => joinEvent(l) };
/** A tap on the page's other language button. */
const pageSwitches = { activity: (l: Locale) => joinEvent(other(l)) };

const youthStart: Step[] = [
  ['hoi', [k('consent:ask')]],
  [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
  [{ nl: 'jongere', en: 'young person' }, [q('session-check', 0), scale]],
];

const transcripts: Transcript[] = [
  ...inBothLanguages('help explains the commands and asks the open question again', [
    ...youthStart,
    ['4', [q('session-check', 1)]],
    [{ nl: 'help', en: 'help' }, [k('commands:help'), q('session-check', 1), scale]],
    ['4', [q('session-check', 2)]],
  ]),
  ...inBothLanguages('after stop the next message hears once how to start again, then the bot is silent until start', [
    ...youthStart,
    ['4', [q('session-check', 1)]],
    [{ nl: 'Stop', en: 'STOP' }, [k('commands:stopped')]],
    ['5', [k('commands:stoppedReminder'), nothingElse]],
    ['hallo?', 'silence'],
    [{ activity: { text: '' } }, 'silence'],
    [{ nl: 'ik wil dood', en: 'i want to die' }, [saidLike({ nl: /113/, en: /113/ })]],
    ['6', 'silence'],
    ['start', [q('session-check', 1), scale]],
    ['5', [q('session-check', 2)]],
  ]),
  ...inBothLanguages('stop before consent also silences after one reminder, and start asks for consent again', [
    ['hoi', [k('consent:ask')]],
    ['stop', [k('commands:stopped')]],
    [{ activity: { text: '' } }, [k('commands:stoppedReminder'), nothingElse]],
    ['ja', 'silence'],
    ['start', [k('consent:ask')]],
    ['stop', [k('commands:stopped')]],
    // A new opt-out: one reminder again.
    ['hoi', [k('commands:stoppedReminder'), nothingElse]],
  ]),
  ...inBothLanguages('a parent who stopped is reminded in their own wording', [
    ['hoi', [k('consent:ask')]],
    [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
    [{ nl: 'ouder', en: 'parent' }, [q('parent-checkin', 0)]],
    ['stop', [p('commands:stopped')]],
    ['4', [p('commands:stoppedReminder'), nothingElse]],
    ['4', 'silence'],
  ]),
  ...inBothLanguages('my data shows counts and dates; what was written only after asking for it', [
    ...youthStart,
    ['4', [q('session-check', 1)]],
    ['4', [q('session-check', 2)]],
    ['4', [q('session-check', 3)]],
    ['4', [q('session-check', 4)]],
    [{ nl: 'Mijn mentor luistert echt', en: 'My mentor really listens' }, [saidLike({ nl: /^Gaat dit vooral over: /, en: /^Is this mainly about: / })]],
    [{ nl: 'iets anders', en: 'something else' }, [k('summary:after.youth')]],
    [{ nl: 'mijn gegevens', en: 'my data' }, [k('data:mine.answers', { count: 5 }), saidLike({ nl: /je schreef iets/, en: /you wrote something/ }), notSaid({ nl: /mentor/, en: /mentor/ }), k('data:mine.remarksAsk'), yesNo]],
    [{ nl: 'nee', en: 'no' }, [k('data:mine.remarksNotShown'), notSaid({ nl: /mentor/, en: /mentor/ }), nothingElse]],
    [{ nl: 'mijn gegevens', en: 'my data' }, [k('data:mine.remarksAsk'), yesNo]],
    [{ nl: 'ja', en: 'yes' }, [k('data:mine.remarksTitle'), saidLike({ nl: /"Mijn mentor luistert echt"/, en: /"My mentor really listens"/ })]],
    ['hoi', [k('commands:finished'), nothingElse]],
  ]),
  ...inBothLanguages('my data in the middle of the questions asks the open question again after the answer about remarks', [
    ...youthStart,
    ['4', [q('session-check', 1)]],
    ['help', [q('session-check', 1)]],
    [{ nl: 'mijn gegevens', en: 'my data' }, [k('data:mine.answers', { count: 1 }), notSaid({ nl: /wat je schreef/, en: /what you wrote/ }), q('session-check', 1), scale]],
  ]),
  ...inBothLanguages('the language switches mid-conversation and the question follows', [
    ...youthStart,
    ['4', [q('session-check', 1)]],
    [{ nl: 'taal', en: 'language' }, [k('commands:language.ask'), { suggested: ['Nederlands', 'English'] }]],
    [{ nl: 'English', en: 'Nederlands' }, [k('commands:language.switched'), q('session-check', 1), scale], 'switch-language'],
    ['3', [q('session-check', 2)]],
    // The transcript speaks the other language now, so the inputs swap too.
    [{ nl: 'language en', en: 'taal nl' }, [k('commands:language.switched'), q('session-check', 2)], 'switch-language'],
  ]),
  ...inBothLanguages('the web chat language buttons confirm the switch and ask the open question again', [
    [opened, [k('consent:ask'), yesNo]],
    [pageJoins, 'silence'],
    [pageSwitches, [k('commands:language.switched'), k('consent:ask'), yesNo, nothingElse], 'switch-language'],
    [{ nl: 'ja', en: 'yes' }, [k('consent:thanks'), k('role:ask'), roles, nothingElse]],
    [pageSwitches, [k('commands:language.switched'), k('role:ask'), roles, nothingElse], 'switch-language'],
    [{ nl: 'jongere', en: 'young person' }, [k('questions:intro.youth', { count: 5 }), q('session-check', 0), scale]],
    [pageSwitches, [k('commands:language.switched'), q('session-check', 0), scale, nothingElse], 'switch-language'],
    ['4', [q('session-check', 1), scale, nothingElse]],
    // Announcing the language already spoken changes nothing.
    [pageJoins, 'silence'],
  ]),
  ...inBothLanguages('a typed language choice confirms and asks the open question again, with its choices', [
    ['hoi', [k('consent:ask')]],
    [{ nl: 'taal', en: 'language' }, [k('commands:language.ask'), { suggested: ['Nederlands', 'English'] }, nothingElse]],
    [{ nl: 'English', en: 'Nederlands' }, [k('commands:language.switched'), k('consent:ask'), yesNo, nothingElse], 'switch-language'],
    // The page's button after a typed `taal` answers the open language question.
    [{ nl: 'taal', en: 'language' }, [k('commands:language.ask')]],
    [pageSwitches, [k('commands:language.switched'), k('consent:ask'), yesNo, nothingElse], 'switch-language'],
    [{ nl: 'ja', en: 'yes' }, [k('consent:thanks'), k('role:ask'), roles, nothingElse]],
  ]),
  ...inBothLanguages('an unknown language keeps the current one', [
    ...youthStart,
    [{ nl: 'taal', en: 'language' }, [k('commands:language.ask')]],
    ['klingon', [k('commands:language.unknown'), q('session-check', 0)]],
  ]),
  ...inBothLanguages('erasure needs a yes; a no keeps everything', [
    ...youthStart,
    ['4', [q('session-check', 1)]],
    [{ nl: 'verwijder mijn gegevens', en: 'delete my data' }, [k('data:erase.confirm')]],
    [{ nl: 'nee', en: 'no' }, [k('data:erase.cancelled'), q('session-check', 1)]],
  ]),
  ...inBothLanguages('erasing a single answer counts it in the singular', [
    ...youthStart,
    ['4', [q('session-check', 1)]],
    [{ nl: 'verwijder mijn gegevens', en: 'delete my data' }, [k('data:erase.confirm')]],
    [{ nl: 'ja', en: 'yes' }, [raw({ nl: '(1 antwoord)', en: '(1 answer)' })]],
  ]),
];

describe('commands', () => {
  let ctx: TestContext;
  let bot: ActivityHandler;
  const id = (user: string) => pseudonymize(ctx.app.secrets.pseudonymSecret, 'test', user);

  beforeEach(async () => {
    ctx = await createTestContext();
    bot = createBot(ctx);
  });
  afterEach(async () => ctx.close());

  it.each(transcripts)('$name ($locale)', async (transcript) => {
    const user = testUser(bot, { locale: channelLocaleOf(transcript), user: 'u1' });
    await play(user, transcript, ctx.app.data);
  });

  it('records the opt-out on the participant and lifts it on start', async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'u1' });
    for (const text of ['hoi', 'ja', 'jongere', 'stop']) await user.say(text);
    expect(await ctx.app.store.getParticipant(id('u1'))).toMatchObject({ optedOut: true });
    await user.say('start');
    expect(await ctx.app.store.getParticipant(id('u1'))).toMatchObject({ optedOut: false });
  });

  it('keeps the chosen language on the participant record', async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'u1' });
    for (const text of ['hoi', 'ja', 'taal english']) await user.say(text);
    expect(await ctx.app.store.getParticipant(id('u1'))).toMatchObject({ locale: 'en' });
    expect(texts(await user.say('parent')).join('\n')).toContain(translatorFor('en')('questions:intro.parent', { count: 5 }));
  });

  it.each([
    ['nl-NL', 'nl', 'mijn gegevens'],
    ['en-US', 'en', 'my data'],
  ] as const)('shows what is stored, with the participant code (%s)', async (tag, lng, command) => {
    const user = testUser(bot, { locale: tag, user: 'u1' });
    for (const text of ['hoi', lng === 'nl' ? 'ja' : 'yes', lng === 'nl' ? 'jongere' : 'young person', '4', '5']) await user.say(text);
    const t = translatorFor(lng);
    const shown = texts(await user.say(command)).join('\n');
    const set = ctx.app.data.questionSets.get('session-check')!;
    expect(shown).toContain(t('data:mine.role', { role: t('data:roles.youth') }));
    expect(shown).toContain(t('data:mine.language', { language: t(`commands:languageName.${lng}`) }));
    expect(shown).toContain(t('data:mine.consent', { date: '2026-03-10' }));
    expect(shown).toContain(t('data:mine.answers', { count: 2 }));
    expect(shown).toContain(t('data:mine.answerScore', { date: '2026-03-10', question: set.questions[1].text[lng], score: 5 }));
    expect(shown).toContain(t('data:mine.code', { code: participantCode(id('u1')) }));
    expect(shown).not.toContain('u1');
    // and the question is asked again afterwards
    expect(shown).toContain(set.questions[2].text[lng]);
  });

  it('says nothing is stored for someone who has not consented', async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'u1' });
    await user.say('hoi');
    expect(texts(await user.say('mijn gegevens')).join('\n')).toContain(translatorFor('nl')('data:mine.nothing'));
  });

  it('erases answers, record and state of one participant and leaves another untouched', async () => {
    const a = testUser(bot, { locale: 'nl-NL', user: 'a' });
    const b = testUser(bot, { locale: 'nl-NL', user: 'b' });
    for (const text of ['hoi', 'ja', 'jongere', '4', '5', '3']) {
      await a.say(text);
      await b.say(text);
    }
    const t = translatorFor('nl');
    expect(texts(await a.say('Verwijder mijn gegevens'))).toContain(translatorFor('nl')('data:erase.confirm'));
    expect(texts(await a.say('ja'))).toEqual([t('data:erase.done', { count: 3 }), t('data:erase.again')]);

    const { store } = ctx.app;
    expect(await store.getParticipant(id('a'))).toBeUndefined();
    expect(await store.listResponsesOfParticipant(id('a'))).toEqual([]);
    const stateKeys = [`p/${id('a')}/user`];
    expect(Object.keys(await store.botStorage.read(stateKeys))).toEqual([]);
    expect(await store.isDoNotContact(id('a'))).toBe(false);
    expect(await store.listAudit()).toEqual([
      { at: ctx.clock.now().toISOString(), actor: 'participant', action: 'erase', target: id('a'), rows: expect.any(Number) },
    ]);
    expect((await store.listAudit())[0].rows).toBeGreaterThanOrEqual(4);

    expect(await store.getParticipant(id('b'))).toMatchObject({ consent: true });
    expect(await store.listResponsesOfParticipant(id('b'))).toHaveLength(3);
    expect(Object.keys(await store.botStorage.read([`p/${id('b')}/user`]))).toHaveLength(1);

    // Erased means forgotten: the next message starts over with the welcome and consent.
    const after = texts(await a.say('hoi')).join('\n');
    expect(after).toContain(t('welcome:privacy'));
    expect(after).toContain(t('consent:ask'));
  });

  it('keeps only a do-not-contact marker when someone who stopped erases, and is reminded once how to come back, then stays silent until start', async () => {
    const user = testUser(bot, { locale: 'en-US', user: 'u1' });
    for (const text of ['hi', 'yes', 'parent', '4', 'stop', 'delete my data']) await user.say(text);
    const t = translatorFor('en');
    expect(texts(await user.say('yes'))).toEqual([t('data:erase.done', { count: 1 }), t('data:erase.doneOptedOut')]);
    const { store } = ctx.app;
    expect(await store.isDoNotContact(id('u1'))).toBe(true);
    expect(await store.getParticipant(id('u1'))).toBeUndefined();
    expect(await store.listResponsesOfParticipant(id('u1'))).toEqual([]);

    // The erasure forgot the reminder too: they hear once how to come back, then nothing.
    expect(texts(await user.say('hello'))).toEqual([t('commands:stoppedReminder')]);
    expect(await user.say('hello?')).toEqual([]);
    expect(texts(await user.say('start')).join('\n')).toContain(t('consent:ask'));
    expect(await store.isDoNotContact(id('u1'))).toBe(false);
  });
});
