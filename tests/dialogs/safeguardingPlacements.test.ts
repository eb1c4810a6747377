import type { ActivityHandler } from 'botbuilder';
import type { SafeguardingAlert, SafeguardingAlertOutcome, SafeguardingNotifier } from '../../core/safeguarding/notifier';
import { safeguardingReply } from '../../core/safeguarding/reply';
import type { HelplineCountry } from '../../core/safeguarding/helplines';
import { roleTranslator } from '../../dialogs/turn';
import { translatorFor } from '../../locales';
import { createBot, createTestContext, START, testUser, type TestContext } from '../helpers/testContext';
import { inBothLanguages, k, notSaid, nothingElse, play, q, raw, saidLike, scale, type Localized, type Step, type Transcript } from './transcript';

/** A contact that is configured and registered in Teams: every alert is delivered. */
class DeliveringNotifier implements SafeguardingNotifier {
  readonly alerts: SafeguardingAlert[] = [];
  async canDeliver(): Promise<boolean> {
    return true;
  }
  async notify(alert: SafeguardingAlert): Promise<SafeguardingAlertOutcome> {
    this.alerts.push(alert);
    return 'sent';
  }
}

const helplines = (country: HelplineCountry, role: 'youth' | 'parent' = 'youth') =>
  raw({
    nl: safeguardingReply(roleTranslator(translatorFor('nl'), () => role), country),
    en: safeguardingReply(roleTranslator(translatorFor('en'), () => role), country),
  });
const youth = { nl: 'jongere', en: 'young person' };
const yes = { nl: 'ja', en: 'yes' };
const contactChoices = { suggestedKeys: ['safeguarding:contact.yes', 'safeguarding:contact.no'] };
const scores: Step[] = [
  ['4', [q('session-check', 1), scale]],
  ['4', [q('session-check', 2), scale]],
  ['4', [q('session-check', 3), scale]],
];
const toOpenQuestion = (code: string): Step[] => [
  [`start ${code}`, [k('consent:ask')]],
  [yes, [k('role:ask')]],
  [youth, [q('session-check', 0), scale]],
  ...scores,
  ['4', [q('session-check', 4)]],
];

/** The new kinds of signal, each in Dutch and in English (issue 10). */
const KINDS: [kind: string, message: Localized][] = [
  ['an indirect wish to be gone', { nl: 'niemand zou het merken als ik er niet meer was', en: 'no one would notice if I disappeared' }],
  ['neglect', { nl: 'thuis krijg ik geen eten', en: 'there is never any food at home' }],
  ['a threat', { nl: 'ze hebben gezegd dat ze me komen halen met een mes', en: "he says he'll hurt me if I tell" }],
  ['abuse with the verb first', { nl: 'vaak slaat mijn stiefmoeder me', en: 'my stepmum hits me' }],
  ['self-harm in the past tense', { nl: 'ik heb mezelf weer gekrast', en: 'I cut myself again' }],
];

const transcripts: Transcript[] = [
  ...inBothLanguages('before consent: the very first message gets the helplines before the welcome', [
    [KINDS[1]![1], [helplines('NL'), k('welcome:privacy'), k('consent:ask')]],
  ]),
  ...inBothLanguages('at the consent question: the helplines, then the question again', [
    ['hoi', [k('consent:ask')]],
    [KINDS[2]![1], [helplines('NL'), k('consent:ask')]],
  ]),
  ...inBothLanguages('instead of a score: the helplines, an offer of contact, and on a yes the next question', [
    ['start K7PX4M', [k('consent:ask')]],
    [yes, [k('role:ask')]],
    [youth, [q('session-check', 0), scale]],
    [KINDS[3]![1], [helplines('NL'), k('safeguarding:contact.ask'), contactChoices, nothingElse]],
    [yes, [k('safeguarding:contact.sent'), q('session-check', 1), scale]],
  ]),
  ...KINDS.flatMap(([kind, message]) =>
    inBothLanguages(`in the open question, ${kind}: the helplines and an offer of contact`, [
      ...toOpenQuestion('K7PX4M'),
      [message, [helplines('NL'), k('safeguarding:contact.ask'), contactChoices, nothingElse]],
      [{ nl: 'nee', en: 'no' }, [k('safeguarding:contact.declined'), saidLike({ nl: /Bedankt|Dank|Gaat dit vooral over/, en: /Thank|Is this mainly about/ })]],
    ]),
  ),
  ...inBothLanguages('after the check-in: the helplines and an offer of contact for the project of the code', [
    ...toOpenQuestion('K7PX4M'),
    [{ nl: 'overslaan', en: 'skip' }, [k('summary:after.youth')]],
    [KINDS[0]![1], [helplines('NL'), k('safeguarding:contact.ask'), nothingElse]],
  ]),
  ...inBothLanguages('after stop: only the helplines, nothing else; the next message hears once how to start again', [
    ['hoi', [k('consent:ask')]],
    ['stop', [notSaid({ nl: /Kindertelefoon/, en: /Kindertelefoon/ })]],
    [KINDS[4]![1], [helplines('NL'), nothingElse]],
    ['hoi', [k('commands:stoppedReminder'), nothingElse]],
    ['hoi', 'silence'],
  ]),
  ...inBothLanguages('a Flemish project: the Flemish helplines, in the open question', [
    ...toOpenQuestion('BE2345'),
    [{ nl: 'mijne pa klopt ons', en: 'my dad beats us' }, [helplines('BE'), k('safeguarding:contact.ask')]],
  ]),
  ...inBothLanguages('jokes and school topics get no helplines', [
    ...toOpenQuestion('K7PX4M'),
    [{ nl: 'de docent vertelde over zelfdoding', en: "I'm gonna die if my dad sees this lol" }, [notSaid({ nl: /Kindertelefoon/, en: /Kindertelefoon/ }), saidLike({ nl: /Bedankt|Dank|Gaat dit vooral over/, en: /Thank|Is this mainly about/ })]],
  ]),
];

describe('the danger check at every step, in both languages', () => {
  let ctx: TestContext;
  let bot: ActivityHandler;
  let notifier: DeliveringNotifier;
  beforeEach(async () => {
    ctx = await createTestContext();
    const expiresAt = new Date(START.getTime() + 86_400_000).toISOString();
    await ctx.app.store.addSessionCodes([
      { code: 'K7PX4M', project: 'demo', team: 'wijkteam-zuid', createdAt: START.toISOString(), expiresAt },
      { code: 'BE2345', project: 'vlaanderen-demo', team: null, createdAt: START.toISOString(), expiresAt },
    ]);
    notifier = new DeliveringNotifier();
    bot = createBot(ctx, { safeguarding: notifier });
  });
  afterEach(async () => ctx.close());

  it.each(transcripts.map((t) => [`${t.name} (${t.locale})`, t] as const))('%s', async (_name, transcript) => {
    const user = testUser(bot, { locale: transcript.locale === 'nl' ? 'nl-NL' : 'en-US', user: 'p1' });
    await play(user, transcript, ctx.app.data);
  });

  it.each(['nl', 'en'] as const)('names the kind of signal in the alert, never the text (%s)', async (lng) => {
    const user = testUser(bot, { locale: lng === 'nl' ? 'nl-NL' : 'en-US', user: 'p2' });
    const steps = toOpenQuestion('K7PX4M');
    await play(user, { name: 'alert', locale: lng, steps: [...steps, [KINDS[1]![1], [k('safeguarding:contact.ask')]], [yes, [k('safeguarding:contact.sent')]]] }, ctx.app.data);
    expect(notifier.alerts).toEqual([{ categories: ['neglect'], project: 'demo', team: 'wijkteam-zuid', sessionCode: 'K7PX4M', at: ctx.clock.now().toISOString() }]);
  });
});
