import type { ActivityHandler } from 'botbuilder';
import { pseudonymize } from '../../core/pseudonym';
import { createBot, createTestContext, testUser, type TestContext } from '../helpers/testContext';
import { channelLocaleOf, inBothLanguages, k, notSaid, p, play, q, type Step, type Transcript } from './transcript';

const CALL_BACK = { nl: 'We bellen binnen twee dagen terug na een aanmelding.', en: 'We call back within two days after a referral.' };
const ROOM = 'Er is nu een stille kamer om te wachten.';
const waiting = { nl: 'wachten', en: 'waiting' };
const room = { nl: 'bereikbaarheid', en: 'accessibility' };

/** Any "Jullie zeiden" / "You all said" line, in either wording. */
const anyNews = notSaid({ nl: /zeiden iets over/i, en: /said something about/i });

const parentUntilLast: Step[] = [
  ['4', [q('parent-checkin', 1)]],
  ['4', [q('parent-checkin', 2)]],
  ['4', [q('parent-checkin', 3)]],
  ['4', [q('parent-checkin', 4)]],
  [{ nl: 'overslaan', en: 'skip' }, [p('summary:parentThanks')]],
];

const transcripts: Transcript[] = [
  ...inBothLanguages('a parent hears what the team did after consent and before the first question, once', [
    [{ nl: 'nieuws', en: 'news' }, [k('consent:ask'), anyNews]],
    ['hoi', [k('consent:ask'), anyNews]],
    [{ nl: 'ja', en: 'yes' }, [k('role:ask'), anyNews]],
    [
      { nl: 'ouder', en: 'parent' },
      [
        // newest first; U3 was written in Dutch only, so English readers get the Dutch text
        p('updates:line', { theme: room, text: ROOM }),
        p('updates:line', { theme: waiting, text: CALL_BACK }),
        p('questions:intro.parent', { count: 5 }),
        q('parent-checkin', 0),
      ],
    ],
    ...parentUntilLast,
    ['start', [p('questions:intro.parent', { count: 5 }), q('parent-checkin', 0), anyNews]],
    [{ nl: 'nieuws', en: 'updates' }, [p('updates:line', { theme: room, text: ROOM }), p('updates:line', { theme: waiting, text: CALL_BACK }), q('parent-checkin', 0)]],
  ]),
  ...inBothLanguages('a young person who never answered before hears it in the young people\'s wording', [
    ['hoi', [k('consent:ask')]],
    [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
    [{ nl: 'jongere', en: 'young person' }, [k('updates:line', { theme: room, text: ROOM }), k('updates:line', { theme: waiting, text: CALL_BACK }), q('session-check', 0)]],
  ]),
  ...inBothLanguages('nobody hears the news without consent', [
    ['hoi', [k('consent:ask')]],
    [{ nl: 'nee', en: 'no' }, [k('consent:declined'), anyNews]],
    [{ nl: 'nieuws', en: 'news' }, [k('updates:afterConsent'), anyNews]],
  ]),
];

describe('participants hear what the team did with the answers', () => {
  let ctx: TestContext;
  let bot: ActivityHandler;

  beforeEach(async () => {
    ctx = await createTestContext();
    bot = createBot(ctx);
    const base = { project: 'demo', week: '2026-W09', author: 'lead-key', createdAt: '2026-03-09T09:00:00.000Z' };
    await ctx.app.store.addUpdate({ ...base, theme: 'waiting', text: CALL_BACK });
    const withdrawn = await ctx.app.store.addUpdate({ ...base, theme: 'safety', text: { nl: 'Ingetrokken tekst' } });
    await ctx.app.store.reviseUpdate({ ...withdrawn, withdrawnAt: '2026-03-09T10:00:00.000Z' });
    await ctx.app.store.addUpdate({ ...base, theme: 'accessibility', text: { nl: ROOM } });
  });
  afterEach(async () => ctx.close());

  it.each(transcripts)('$name ($locale)', async (transcript) => {
    const user = testUser(bot, { locale: channelLocaleOf(transcript), user: 'u1' });
    await play(user, transcript, ctx.app.data);
  });

  it('shows at most two updates, and only ones not seen before', async () => {
    await ctx.app.store.addUpdate({ project: 'demo', theme: 'information', week: '2026-W10', text: { nl: 'Er is een nieuwe folder.' }, author: 'k', createdAt: '2026-03-10T09:00:00.000Z' });
    const user = testUser(bot, { locale: 'nl-NL', user: 'u2' });
    await user.say('hoi');
    await user.say('ja');
    const first = (await user.say('ouder')).map((r) => r.text ?? '');
    expect(first.join('\n')).toContain('Er is een nieuwe folder.');
    expect(first.join('\n')).toContain(ROOM);
    expect(first.join('\n')).not.toContain(CALL_BACK.nl);
    const participant = pseudonymize(ctx.app.secrets.pseudonymSecret, 'test', 'u2');
    expect(await ctx.app.store.seenUpdates(participant, 'demo')).toEqual(['U3', 'U4']);
    expect(await ctx.app.store.updateReach('demo')).toEqual({ U3: 1, U4: 1 });
  });
});

