import type { ActivityHandler } from 'botbuilder';
import { pseudonymize } from '../../core/pseudonym';
import { safeguardingReply } from '../../core/safeguarding/reply';
import type { Locale } from '../../core/types';
import { MAX_BUTTON_TITLE, MAX_BUTTONS } from '../../channels/whatsapp/textLimits';
import { translatorFor } from '../../locales';
import { createBot, createTestContext, suggested, testUser, texts, type TestContext } from '../helpers/testContext';
import { inBothLanguages, k, nothingElse, play, q, type Step, type Transcript, channelLocaleOf } from './transcript';

const youthAtRemark: Step[] = [
  ['hoi', [k('consent:ask')]],
  [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
  [{ nl: 'jongere', en: 'young person' }, [q('session-check', 0)]],
  ['4', [q('session-check', 1)]],
  ['4', [q('session-check', 2)]],
  ['4', [q('session-check', 3)]],
  ['4', [q('session-check', 4)]],
];
const remark = { nl: 'We stonden maanden op de wachtlijst', en: 'We were on the waiting list for months' };
const asked = k('themes:check.ask', { choices: { nl: 'wachten · iets anders', en: 'waiting · something else' } });
const offered = { suggested: ['wachten', 'iets anders'] };
const offeredEn = { suggested: ['waiting', 'something else'] };
const summary = [k('summary:intro'), k('summary:remark'), k('summary:after.youth')];

interface Case {
  transcript: Transcript;
  /** What the stored check says the remark is about; undefined: no check stored. */
  stored: string[] | undefined;
}

const cases: Case[] = [
  ...inBothLanguages('a tap on a theme confirms it, then the summary follows', [
    ...youthAtRemark,
    [remark, [asked, nothingElse]],
    [{ nl: 'wachten', en: 'waiting' }, summary],
  ]).map((transcript) => ({ transcript, stored: ['waiting'] })),
  ...inBothLanguages('"iets anders" says the guess was wrong', [
    ...youthAtRemark,
    [remark, [asked]],
    [{ nl: 'iets anders', en: 'something else' }, summary],
  ]).map((transcript) => ({ transcript, stored: [] })),
  ...inBothLanguages('typing the word works as a tap does, in any case and with punctuation', [
    ...youthAtRemark,
    [remark, [asked]],
    [{ nl: 'Wachten!', en: 'Waiting!' }, summary],
  ]).map((transcript) => ({ transcript, stored: ['waiting'] })),
  ...inBothLanguages('anything else typed skips the step: the guess stays and the check-in goes on', [
    ...youthAtRemark,
    [remark, [asked]],
    [{ nl: 'doei', en: 'bye' }, summary],
    ['4', [k('commands:finished')]],
  ]).map((transcript) => ({ transcript, stored: undefined })),
  ...inBothLanguages('a command in the step is answered and the step asked again', [
    ...youthAtRemark,
    [remark, [asked]],
    [{ nl: 'help', en: 'help' }, [k('commands:help'), asked]],
    [{ nl: 'wachten', en: 'waiting' }, summary],
  ]).map((transcript) => ({ transcript, stored: ['waiting'] })),
  ...inBothLanguages('a remark without a theme goes straight to the summary', [
    ...youthAtRemark,
    [{ nl: 'Het was fijn, dank je', en: 'It was nice, thanks' }, summary],
  ]).map((transcript) => ({ transcript, stored: undefined })),
];

describe('confirming the theme of a remark', () => {
  let ctx: TestContext;
  let bot: ActivityHandler;

  beforeEach(async () => {
    ctx = await createTestContext();
    bot = createBot(ctx);
  });
  afterEach(async () => ctx.close());

  const id = (user: string) => pseudonymize(ctx.app.secrets.pseudonymSecret, 'test', user);
  const checksOf = async (user: string) => (await ctx.app.store.listThemeChecks({ project: 'demo' })).filter((c) => c.participant === id(user));

  it.each(cases)('$transcript.name ($transcript.locale)', async ({ transcript, stored }) => {
    const user = testUser(bot, { locale: channelLocaleOf(transcript), user: 'u1' });
    await play(user, transcript, ctx.app.data);
    const checks = await checksOf('u1');
    if (stored === undefined) {
      expect(checks).toEqual([]);
      return;
    }
    const open = (await ctx.app.store.listResponsesOfParticipant(id('u1'))).find((r) => r.question === 'open')!;
    expect(checks).toEqual([
      expect.objectContaining({ response: open.id, week: open.week, by: 'participant', guessed: ['waiting'], themes: stored, text: null, answeredAt: open.createdAt }),
    ]);
    // The tagger's own tags stay as they were: the check is stored beside them.
    expect(open.themes).toEqual(['waiting']);
  });

  it.each(['nl', 'en'] as const)('offers the words as choices, at most three and short enough for WhatsApp buttons (%s)', async (lng) => {
    const user = testUser(bot, { locale: lng === 'nl' ? 'nl-NL' : 'en-US', user: 'u2' });
    for (const text of ['hoi', lng === 'nl' ? 'ja' : 'yes', lng === 'nl' ? 'jongere' : 'young person', '4', '4', '4', '4']) await user.say(text);
    const choices = suggested(await user.say(remark[lng]));
    expect(choices).toEqual(lng === 'nl' ? offered.suggested : offeredEn.suggested);
    expect(choices.length).toBeLessThanOrEqual(MAX_BUTTONS);
  });

  it.each(['nl', 'en'] as Locale[])('has a plain word of at most 20 characters for every catalogue theme (%s)', (lng) => {
    const t = translatorFor(lng);
    for (const theme of ctx.app.data.catalogue.themes) {
      const word = t(`themes:plain.${theme.id}`);
      expect({ theme: theme.id, word, fits: word !== `themes:plain.${theme.id}` && word.length <= MAX_BUTTON_TITLE }).toEqual({ theme: theme.id, word, fits: true });
    }
    expect(t('themes:check.somethingElse').length).toBeLessThanOrEqual(MAX_BUTTON_TITLE);
  });

  it.each(['nl', 'en'] as const)('never follows a danger signal: the helplines come first and there is no theme step (%s)', async (lng) => {
    const t = translatorFor(lng);
    const user = testUser(bot, { locale: lng === 'nl' ? 'nl-NL' : 'en-US', user: 'u3' });
    for (const text of ['hoi', lng === 'nl' ? 'ja' : 'yes', lng === 'nl' ? 'jongere' : 'young person', '4', '4', '4', '4']) await user.say(text);
    const danger = lng === 'nl' ? 'Ik wil niet meer leven, de wachtlijst is te lang' : 'I want to kill myself, the waiting list is too long';
    const replies = texts(await user.say(danger));
    expect(replies).toContain(safeguardingReply(t, 'NL'));
    expect(replies.join('\n')).not.toContain(t('themes:check.ask', { choices: '' }).slice(0, 12));
    expect(await checksOf('u3')).toEqual([]);
  });

  it.each(['nl', 'en'] as const)('answers a danger signal typed in the step with the helplines, and offers no contact that cannot be reached (%s)', async (lng) => {
    const t = translatorFor(lng);
    const user = testUser(bot, { locale: lng === 'nl' ? 'nl-NL' : 'en-US', user: 'u4' });
    for (const text of ['hoi', lng === 'nl' ? 'ja' : 'yes', lng === 'nl' ? 'jongere' : 'young person', '4', '4', '4', '4', remark[lng]]) await user.say(text);
    const replies = texts(await user.say(lng === 'nl' ? 'Ik wil niet meer leven' : 'I want to kill myself'));
    expect(replies).toContain(safeguardingReply(t, 'NL'));
    // No safeguarding contact can be reached in this test, so no offer it cannot keep.
    expect(replies).toContain(t('safeguarding:contact.tellSomeone'));
    expect(await checksOf('u4')).toEqual([]);
  });

  it('is left out for a role the project switched it off for', async () => {
    ctx.app.data.projects.get('demo')!.confirmThemes.youth = false;
    const t = translatorFor('nl');
    const user = testUser(bot, { locale: 'nl-NL', user: 'u5' });
    for (const text of ['hoi', 'ja', 'jongere', '4', '4', '4', '4']) await user.say(text);
    const replies = texts(await user.say(remark.nl));
    expect(replies.join('\n')).toContain(t('summary:intro'));
    expect(replies.join('\n')).not.toContain('Gaat dit vooral over');
  });
});
