import type { ActivityHandler } from 'botbuilder';
import { pseudonymize } from '../../core/pseudonym';
import { translatorFor } from '../../locales';
import { createBot, createTestContext, testUser, texts, type TestContext } from '../helpers/testContext';
import { sessionSummaryText } from '../../cards/sessionSummaryCard';
import { inBothLanguages, k, nothingElse, play, q, scale, skipOffered, type Step, type Transcript, channelLocaleOf } from './transcript';

const youthStart: Step[] = [
  ['hoi', [k('consent:ask')]],
  [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
  [{ nl: 'jongere', en: 'young person' }, [q('session-check', 0), scale]],
];
const parentStart: Step[] = [
  ['hoi', [k('consent:ask')]],
  [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
  [{ nl: 'ouder', en: 'parent' }, [q('parent-checkin', 0), scale]],
];
const emoji = (d: number) => translatorFor('nl')(`scale:emoji.${d}`);

const transcripts: Transcript[] = [
  ...inBothLanguages('the session check runs to a summary the young person can show', [
    ...youthStart,
    ['5', [q('session-check', 1), scale]],
    [{ nl: 'ik denk een 5', en: 'I think a 5' }, [q('session-check', 2)]],
    [`4 ${emoji(4)}`, [q('session-check', 3)]],
    [{ nl: 'Vijf!', en: 'five' }, [q('session-check', 4), skipOffered]],
    [{ nl: 'Het was fijn, dank je', en: 'It was nice, thanks' }, [k('summary:intro'), k('summary:remark'), k('summary:fine'), k('summary:after.youth')]],
    ['4', [k('commands:finished')]],
  ]),
  ...inBothLanguages('a low score makes the summary say it is worth talking about', [
    ...youthStart,
    ['5', [q('session-check', 1)]],
    ['2', [q('session-check', 2)]],
    ['5', [q('session-check', 3)]],
    ['5', [q('session-check', 4)]],
    [{ nl: 'overslaan', en: 'skip' }, [k('summary:score', { score: 2, emoji: emoji(2) }), k('summary:worth')]],
  ]),
  ...inBothLanguages('the parent check-in ends with a warm thank-you', [
    ...parentStart,
    ['4', [q('parent-checkin', 1)]],
    ['3', [q('parent-checkin', 2)]],
    ['5', [q('parent-checkin', 3)]],
    ['4', [q('parent-checkin', 4), skipOffered]],
    [{ nl: 'De wachtlijst was lang', en: 'The waiting list was long' }, [k('themes:check.ask', { choices: { nl: 'wachten · iets anders', en: 'waiting · something else' } })]],
    [{ nl: 'wachten', en: 'waiting' }, [k('summary:parentThanks'), k('summary:after.parent'), nothingElse]],
  ]),
  ...inBothLanguages('an answer not on the scale is asked again once, then skipped', [
    ...youthStart,
    ['4', [q('session-check', 1)]],
    [{ nl: 'banaan', en: 'banana' }, [k('questions:scaleHint'), q('session-check', 1), scale]],
    ['10', [k('questions:movingOn'), q('session-check', 2)]],
    [{ nl: 'weet ik niet', en: 'no idea' }, [q('session-check', 3)]],
    [{ nl: 'eh', en: 'eh' }, [k('questions:scaleHint'), q('session-check', 3)]],
    ['3', [q('session-check', 4)]],
    [{ nl: 'nee', en: 'no' }, [k('summary:skipped'), k('summary:worth')]],
  ]),
  ...inBothLanguages('the words the scale is explained with are answers too, and so is a plain "I don\'t know"', [
    ...youthStart,
    [{ nl: 'heel goed', en: 'very good' }, [q('session-check', 1), scale, nothingElse]],
    [{ nl: 'Slecht!', en: 'Bad!' }, [q('session-check', 2), scale, nothingElse]],
    [{ nl: 'gaat wel', en: 'okay' }, [q('session-check', 3), scale, nothingElse]],
    [{ nl: 'ik weet het niet', en: 'idk' }, [q('session-check', 4), skipOffered, nothingElse]],
  ]),
];

describe('check-in', () => {
  let ctx: TestContext;
  let bot: ActivityHandler;

  beforeEach(async () => {
    ctx = await createTestContext();
    bot = createBot(ctx);
  });
  afterEach(async () => ctx.close());

  const responsesOf = (user: string) =>
    ctx.app.store.listResponsesOfParticipant(pseudonymize(ctx.app.secrets.pseudonymSecret, 'test', user));

  it.each(transcripts)('$name ($locale)', async (transcript) => {
    const user = testUser(bot, { locale: channelLocaleOf(transcript), user: 'u1' });
    await play(user, transcript, ctx.app.data);
  });

  describe.each(['nl', 'en'] as const)('the summary is sent once (%s)', (lng) => {
    const t = translatorFor(lng);
    const answers = [lng === 'nl' ? 'ja' : 'yes', lng === 'nl' ? 'jongere' : 'young person', '4', '5', '3', '2'];
    const expectedSummary = () => {
      const set = ctx.app.data.questionSets.get('session-check')!;
      const scores = [4, 5, 3, 2];
      return {
        items: set.questions.filter((q) => q.type === 'scale').map((q, i) => ({ question: q.text[lng], score: scores[i] })),
        worthTalkingAbout: true,
        hasRemark: false,
      };
    };
    async function finish(channelId: string) {
      const user = testUser(bot, { locale: lng === 'nl' ? 'nl-NL' : 'en-US', user: `u-${channelId}`, channelId });
      await user.say('hoi');
      for (const text of answers) await user.say(text);
      return user.say(t('questions:skip'));
    }

    it.each(['msteams', 'directline', 'webchat', 'emulator'])('as a card alone on %s, then what happens next', async (channelId) => {
      const replies = await finish(channelId);
      expect(replies).toHaveLength(2);
      const [summary, after] = replies;
      expect(summary.text).toBeUndefined();
      expect(summary.attachments).toHaveLength(1);
      expect(summary.attachments![0].contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect((summary.attachments![0].content as { fallbackText: string }).fallbackText).toBe(sessionSummaryText(t, expectedSummary()));
      expect(after).toMatchObject({ text: t('summary:after.youth') });
      expect(after.attachments ?? []).toEqual([]);
    });

    it.each(['whatsapp', 'test', 'sms'])('as text alone on %s, then what happens next', async (channelId) => {
      const replies = await finish(channelId);
      expect(replies.map((r) => r.text)).toEqual([sessionSummaryText(t, expectedSummary()), t('summary:after.youth')]);
      expect(replies.flatMap((r) => r.attachments ?? [])).toEqual([]);
    });
  });

  it('stores every answer with its theme, run and week, and skips as skipped', async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'u1' });
    for (const text of ['hoi', 'ja', 'jongere', '4', 'banaan', 'banaan', 'overslaan', '2', 'Het wachten duurde lang']) {
      await user.say(text);
    }
    const all = (await responsesOf('u1')).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || 0);
    // What was typed instead of a score is kept beside the answer as a remark, never as a score.
    const remarks = all.filter((r) => r.question === 'goals' && r.text !== null);
    expect(remarks).toEqual([
      expect.objectContaining({ text: 'banaan', score: null, skipped: false, flagged: false, theme: 'participation' }),
      expect.objectContaining({ text: 'banaan', score: null, skipped: false, flagged: false, theme: 'participation' }),
    ]);
    const rows = all.filter((r) => !remarks.includes(r));
    const byQuestion = new Map(rows.map((r) => [r.question, r]));
    expect(rows).toHaveLength(5);
    expect(byQuestion.get('heard')).toMatchObject({ score: 4, skipped: false, theme: 'listening-respect' });
    expect(byQuestion.get('goals')).toMatchObject({ score: null, skipped: true, theme: 'participation' });
    expect(byQuestion.get('approach')).toMatchObject({ score: null, skipped: true, theme: 'staff-quality' });
    expect(byQuestion.get('overall')).toMatchObject({ score: 2, theme: 'outcome' });
    expect(byQuestion.get('open')).toMatchObject({ theme: null, skipped: false, score: null, flagged: false, text: 'Het wachten duurde lang' });
    expect(Array.isArray(byQuestion.get('open')?.themes)).toBe(true);
    expect(new Set(all.map((r) => r.runId)).size).toBe(1);
    for (const r of all) {
      expect(r).toMatchObject({ project: 'demo', team: null, role: 'youth', channel: 'test', questionSet: 'session-check', locale: 'nl', week: '2026-W11' });
    }
  });

  it('keeps the answers of a conversation dropped halfway and continues there after a restart', async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'u1' });
    for (const text of ['hoi', 'ja', 'jongere', '4', '5']) await user.say(text);
    expect((await responsesOf('u1')).map((r) => r.score).sort()).toEqual([4, 5]);

    // A new bot on the same store stands in for a restarted process.
    const restarted = testUser(createBot(ctx), { locale: 'nl-NL', user: 'u1' });
    const t = translatorFor('nl');
    const set = ctx.app.data.questionSets.get('session-check')!;
    const replies = texts(await restarted.say('3'));
    expect(replies.join('\n')).toContain(set.questions[3].text.nl);
    expect(replies.join('\n')).not.toContain(t('welcome:privacy'));
    expect((await responsesOf('u1')).map((r) => r.score).sort()).toEqual([3, 4, 5]);
  });

  it('stores one answer per question when the same answer is tapped twice at once', async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'u1' });
    for (const text of ['hoi', 'ja', 'jongere']) await user.say(text);
    const logic = (c: Parameters<ActivityHandler['run']>[0]) => bot.run(c);
    await Promise.all([
      user.adapter.processActivity(user.adapter.makeActivity('4'), logic),
      user.adapter.processActivity(user.adapter.makeActivity('4'), logic),
    ]);
    const rows = await responsesOf('u1');
    expect(rows.map((r) => [r.question, r.score])).toEqual(
      expect.arrayContaining([
        ['heard', 4],
        ['goals', 4],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it.each([
    ['nl-NL', ['ja', 'jongere', 'heel goed', 'Slecht!', 'gaat wel', 'ik weet het niet']],
    ['en-US', ['yes', 'young person', 'very good', 'Bad!', 'okay', 'idk']],
  ])('stores the score a scale word stands for (%s)', async (locale, answers) => {
    const user = testUser(bot, { locale, user: 'u1' });
    for (const text of ['hoi', ...answers]) await user.say(text);
    const rows = await responsesOf('u1');
    expect(Object.fromEntries(rows.map((r) => [r.question, r.score]))).toEqual({ heard: 5, goals: 1, approach: 3, overall: null });
  });

  it('starts a new run with a new runId after start', async () => {
    const user = testUser(bot, { locale: 'en-US', user: 'u1' });
    for (const text of ['hi', 'yes', 'young person', '4', '4', '4', '4', 'skip', 'start', '5']) await user.say(text);
    const rows = await responsesOf('u1');
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.runId)).size).toBe(2);
  });

  it('cuts very long text with a notice and never stores more than MAX_TEXT_LENGTH', async () => {
    const user = testUser(bot, { locale: 'nl-NL', user: 'u1' });
    for (const text of ['hoi', 'ja', 'ouder', '4', '4', '4', '4']) await user.say(text);
    const replies = texts(await user.say('de wachtlijst was lang '.repeat(10000)));
    const t = translatorFor('nl');
    // The parent's own wording: "uw bericht".
    expect(replies).toContain(t('privacy:truncated', { max: ctx.app.config.maxTextLength, context: 'parent' }));
    expect(replies.join('\n')).toContain(t('themes:check.ask', { choices: 'wachten · iets anders' }));
    expect(texts(await user.say('wachten')).join('\n')).toContain(t('summary:parentThanks'));
    const open = (await responsesOf('u1')).find((r) => r.question === 'open');
    expect(open?.text?.length).toBeLessThanOrEqual(ctx.app.config.maxTextLength);
  });
});
