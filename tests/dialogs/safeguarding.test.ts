import type { ActivityHandler } from 'botbuilder';
import { pseudonymize } from '../../core/pseudonym';
import { safeguardingReply } from '../../core/safeguarding/reply';
import type { SafeguardingAlert, SafeguardingAlertOutcome, SafeguardingNotifier } from '../../core/safeguarding/notifier';
import { roleTranslator } from '../../dialogs/turn';
import { translatorFor } from '../../locales';
import { createBot, createTestContext, START, suggested as suggestedValues, testUser, texts, type TestContext } from '../helpers/testContext';

/** Records the alerts the bot raises and answers with a fixed outcome. */
class RecordingNotifier implements SafeguardingNotifier {
  readonly alerts: SafeguardingAlert[] = [];
  constructor(
    private readonly outcome: SafeguardingAlertOutcome,
    /** Whether a contact is configured and registered (a failed delivery still had someone to go to). */
    private readonly deliverable = outcome !== 'no-contact',
  ) {}
  async canDeliver(): Promise<boolean> {
    return this.deliverable;
  }
  async notify(alert: SafeguardingAlert): Promise<SafeguardingAlertOutcome> {
    this.alerts.push(alert);
    return this.outcome;
  }
}

const crisis = { nl: 'Ik wil niet meer leven', en: 'I want to kill myself' };
const yes = { nl: 'ja', en: 'yes' };
const no = { nl: 'nee', en: 'no' };

describe.each(['nl', 'en'] as const)('safeguarding (%s)', (lng) => {
  let ctx: TestContext;
  const t = translatorFor(lng);
  const tag = lng === 'nl' ? 'nl-NL' : 'en-US';
  const id = (user: string) => pseudonymize(ctx.app.secrets.pseudonymSecret, 'test', user);

  beforeEach(async () => {
    ctx = await createTestContext();
    await ctx.app.store.addSessionCodes([
      { code: 'K7PX4M', project: 'demo', team: 'wijkteam-zuid', createdAt: START.toISOString(), expiresAt: new Date(START.getTime() + 86_400_000).toISOString() },
    ]);
  });
  afterEach(async () => ctx.close());

  async function youthAtOpenQuestion(bot: ActivityHandler, user = 'u1') {
    const u = testUser(bot, { locale: tag, user });
    for (const text of ['start K7PX4M', yes[lng], lng === 'nl' ? 'jongere' : 'young person', '4', '4', '4', '4']) await u.say(text);
    return u;
  }

  it('answers a crisis signal at once with the helplines, flags it, and alerts on a yes without the text', async () => {
    const notifier = new RecordingNotifier('sent');
    const user = await youthAtOpenQuestion(createBot(ctx, { safeguarding: notifier }));
    const replies = texts(await user.say(crisis[lng]));
    expect(replies).toContain(safeguardingReply(t, 'NL'));
    expect(replies).toContain(t('safeguarding:contact.ask'));
    expect(replies.join('\n')).not.toContain(t('summary:intro'));

    const open = (await ctx.app.store.listResponsesOfParticipant(id('u1'))).find((r) => r.question === 'open');
    expect(open).toMatchObject({ flagged: true });

    const after = texts(await user.say(yes[lng]));
    expect(after).toContain(t('safeguarding:contact.sent'));
    expect(after.join('\n')).toContain(t('summary:intro'));
    expect(notifier.alerts).toEqual([{ categories: ['suicide'], project: 'demo', team: 'wijkteam-zuid', sessionCode: 'K7PX4M', at: ctx.clock.now().toISOString() }]);
    expect(JSON.stringify(notifier.alerts)).not.toContain(crisis[lng]);
  });

  it('raises no alert when the young person says no', async () => {
    const notifier = new RecordingNotifier('sent');
    const user = await youthAtOpenQuestion(createBot(ctx, { safeguarding: notifier }));
    await user.say(crisis[lng]);
    const after = texts(await user.say(no[lng]));
    expect(after).toContain(t('safeguarding:contact.declined'));
    expect(after.join('\n')).toContain(t('summary:intro'));
    expect(notifier.alerts).toEqual([]);
  });

  it('asks once more when the answer is unclear, then treats it as a no', async () => {
    const notifier = new RecordingNotifier('sent');
    const user = await youthAtOpenQuestion(createBot(ctx, { safeguarding: notifier }));
    await user.say(crisis[lng]);
    const again = texts(await user.say('hmm'));
    expect(again).toEqual([t('commands:yesNoHint'), t('safeguarding:contact.ask')]);
    expect(texts(await user.say('hmm'))).toContain(t('safeguarding:contact.declined'));
    expect(notifier.alerts).toEqual([]);
  });

  it.each([
    ['no notifier', undefined],
    ['no contact configured or registered', new RecordingNotifier('no-contact')],
  ])('offers no contact when no alert can be delivered (%s): helplines, then tell your own worker or a trusted adult', async (_name, notifier) => {
    const user = await youthAtOpenQuestion(createBot(ctx, { safeguarding: notifier }));
    const replies = texts(await user.say(crisis[lng]));
    expect(replies).toContain(safeguardingReply(t, 'NL'));
    expect(replies).toContain(t('safeguarding:contact.tellSomeone'));
    expect(replies).not.toContain(t('safeguarding:contact.ask'));
    expect(replies.join('\n')).toContain(t('summary:intro'));
    expect(replies.indexOf(t('safeguarding:contact.tellSomeone'))).toBeGreaterThan(replies.indexOf(safeguardingReply(t, 'NL')));
  });

  it('tells the young person when an alert that could be delivered failed', async () => {
    const user = await youthAtOpenQuestion(createBot(ctx, { safeguarding: new RecordingNotifier('failed') }));
    await user.say(crisis[lng]);
    expect(texts(await user.say(yes[lng]))).toContain(t('safeguarding:contact.noContact'));
  });

  it('shows a parent the helplines without asking about contact', async () => {
    const notifier = new RecordingNotifier('sent');
    const user = testUser(createBot(ctx, { safeguarding: notifier }), { locale: tag, user: 'p1' });
    for (const text of ['hoi', yes[lng], lng === 'nl' ? 'ouder' : 'parent', '4', '4', '4', '4']) await user.say(text);
    const replies = texts(await user.say(crisis[lng]));
    // In the words for a parent (Dutch: "u").
    expect(replies).toContain(safeguardingReply(roleTranslator(t, () => 'parent'), 'NL'));
    expect(replies).not.toContain(t('safeguarding:contact.ask'));
    expect(replies).toContain(t('summary:parentThanks'));
    expect(notifier.alerts).toEqual([]);
  });

  it('uses the helplines of the country of the project', async () => {
    await ctx.app.store.addSessionCodes([
      { code: 'BE2345', project: 'vlaanderen-demo', team: null, createdAt: START.toISOString(), expiresAt: new Date(START.getTime() + 86_400_000).toISOString() },
    ]);
    const user = testUser(createBot(ctx), { locale: tag, user: 'b1' });
    for (const text of ['start BE2345', yes[lng], lng === 'nl' ? 'jongere' : 'young person', '4', '4', '4', '4']) await user.say(text);
    expect(texts(await user.say(crisis[lng]))).toContain(safeguardingReply(t, 'BE'));
  });

  describe('a danger signal outside the open question', () => {
    const youth = lng === 'nl' ? 'jongere' : 'young person';
    const helplines = () => safeguardingReply(t, 'NL');

    it('is answered in place of a score like a remark: stored flagged, helplines, contact offered', async () => {
      const notifier = new RecordingNotifier('sent');
      const user = testUser(createBot(ctx, { safeguarding: notifier }), { locale: tag, user: 's1' });
      for (const text of ['start K7PX4M', yes[lng], youth]) await user.say(text);
      const replies = texts(await user.say(crisis[lng]));
      expect(replies).toContain(helplines());
      expect(replies).toContain(t('safeguarding:contact.ask'));
      expect(replies).not.toContain(t('questions:scaleHint'));
      const [first] = await ctx.app.store.listResponsesOfParticipant(id('s1'));
      expect(first).toMatchObject({ question: 'heard', score: null, skipped: false, flagged: true });

      // a yes alerts the team; then the check goes on with the next question
      const after = await user.say(yes[lng]);
      expect(texts(after)).toContain(t('safeguarding:contact.sent'));
      expect(notifier.alerts).toHaveLength(1);
      expect(suggestedValues(after)).toEqual(['1', '2', '3', '4', '5']);
    });

    it('gets the helplines before the welcome when it is the very first message, and nothing is stored', async () => {
      const user = testUser(createBot(ctx), { locale: tag, user: 's2' });
      const replies = texts(await user.say(crisis[lng]));
      expect(replies[0]).toBe(helplines());
      expect(replies).toContain(t('consent:ask'));
      expect(await ctx.app.store.listResponsesOfParticipant(id('s2'))).toEqual([]);
    });

    it('gets the helplines at the consent question, which is then asked again', async () => {
      const user = testUser(createBot(ctx), { locale: tag, user: 's3' });
      await user.say('hoi');
      const replies = texts(await user.say(crisis[lng]));
      expect(replies[0]).toBe(helplines());
      expect(replies.join('\n')).toContain(t('consent:ask'));
      expect(await ctx.app.store.listResponsesOfParticipant(id('s3'))).toEqual([]);
    });

    it('still lets a young person who finished ask to be contacted, for the project of their code', async () => {
      const notifier = new RecordingNotifier('sent');
      const user = testUser(createBot(ctx, { safeguarding: notifier }), { locale: tag, user: 's4' });
      for (const text of ['start K7PX4M', yes[lng], youth, '4', '4', '4', '4', lng === 'nl' ? 'overslaan' : 'skip']) await user.say(text);
      expect(texts(await user.say(crisis[lng]))).toEqual([helplines(), t('safeguarding:contact.ask')]);
      expect(texts(await user.say(yes[lng]))).toEqual([t('safeguarding:contact.sent')]);
      expect(notifier.alerts).toEqual([{ categories: ['suicide'], project: 'demo', team: 'wijkteam-zuid', sessionCode: 'K7PX4M', at: ctx.clock.now().toISOString() }]);
      // the check-in stays finished: nothing is stored, no summary again, start begins a new one
      expect((await ctx.app.store.listResponsesOfParticipant(id('s4'))).filter((r) => r.flagged)).toEqual([]);
      expect(texts(await user.say('hoi'))).toEqual([t('commands:finished')]);
    });

    it('gets only the helplines after stop, and after a parent finished', async () => {
      const user = testUser(createBot(ctx), { locale: tag, user: 's6' });
      for (const text of ['hoi', yes[lng], lng === 'nl' ? 'ouder' : 'parent', '4', '4', '4', '4', lng === 'nl' ? 'overslaan' : 'skip']) await user.say(text);
      expect(texts(await user.say(crisis[lng]))).toEqual([safeguardingReply(roleTranslator(t, () => 'parent'), 'NL')]);
      await user.say('stop');
      expect(texts(await user.say(crisis[lng]))).toEqual([safeguardingReply(roleTranslator(t, () => 'parent'), 'NL')]);
      // Any other message: once how to start again, then silence.
      expect(texts(await user.say('hoi'))).toEqual([roleTranslator(t, () => 'parent')('commands:stoppedReminder')]);
      expect(texts(await user.say('hoi'))).toEqual([]);
    });

    it('does not take everyday words for danger in place of a score', async () => {
      const user = testUser(createBot(ctx), { locale: tag, user: 's5' });
      for (const text of ['start K7PX4M', yes[lng], youth]) await user.say(text);
      const everyday = lng === 'nl' ? 'ik ga dood van het lachen' : 'this waiting list kills me';
      const replies = texts(await user.say(everyday));
      expect(replies).not.toContain(helplines());
      expect(replies).toContain(t('questions:scaleHint'));
    });
  });

  it('does not raise anything for everyday words', async () => {
    const notifier = new RecordingNotifier('sent');
    const user = await youthAtOpenQuestion(createBot(ctx, { safeguarding: notifier }));
    const everyday = lng === 'nl' ? 'Ik ging dood van het lachen' : 'This waiting list kills me';
    const replies = texts(await user.say(everyday));
    expect(replies).not.toContain(safeguardingReply(t, 'NL'));
    // A remark about a theme is followed by the question which theme it is about, then the summary.
    const rest = lng === 'nl' ? [] : texts(await user.say('waiting'));
    if (lng === 'en') expect(replies).toContain(t('themes:check.ask', { choices: 'waiting · something else' }));
    expect([...replies, ...rest].join('\n')).toContain(t('summary:intro'));
  });
});
