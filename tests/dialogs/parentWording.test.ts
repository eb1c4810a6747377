import type { ActivityHandler } from 'botbuilder';
import { createBot, createTestContext, testUser, type TestContext } from '../helpers/testContext';
import { inBothLanguages, k, notSaid, nothingElse, p, play, q, saidLike, scale, skipOffered, type Step, type Transcript, channelLocaleOf } from './transcript';

/** Dutch that says "je" or "jij" to the reader: a parent is "u" once the role is known. */
const formal = notSaid({ nl: /\b(je|jij|jou|jouw|jezelf)\b/i });
/** Parents join through an invitation or by typing start; a QR code is for young people. */
const joinAgain = saidLike({ nl: /typ (dan )?start.*uitnodiging|uitnodiging.*typ (dan )?start/i, en: /type start.*invitation|invitation.*type start/i });
const noCode = notSaid({ nl: /scan|code/i, en: /scan|code/i });
const startAgain = saidLike({ nl: /typ (dan )?start/i, en: /type start/i });

const parentStart: Step[] = [
  ['hoi', [k('consent:ask')]],
  [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
  [{ nl: 'ouder', en: 'parent' }, [k('questions:intro.parent', { count: 5 }), q('parent-checkin', 0), scale, formal]],
];
const parentAtRemark: Step[] = [
  ...parentStart,
  ['4', [q('parent-checkin', 1), formal]],
  ['4', [q('parent-checkin', 2), formal]],
  ['4', [q('parent-checkin', 3), formal]],
  ['4', [q('parent-checkin', 4), skipOffered, formal]],
];
const youthStart: Step[] = [
  ['hoi', [k('consent:ask')]],
  [{ nl: 'ja', en: 'yes' }, [k('role:ask')]],
  [{ nl: 'jongere', en: 'young person' }, [q('session-check', 0), scale]],
];

// Long enough to be cut at MAX_TEXT_LENGTH=100, and nothing a safeguarding or PII check reacts to.
const longRemark = { nl: 'De wachtlijst was lang. '.repeat(6), en: 'The waiting list was long. '.repeat(6) };

const waitingChoices = { nl: 'wachten · iets anders', en: 'waiting · something else' };

const transcripts: Transcript[] = [
  ...inBothLanguages('once the role is parent, every text says u instead of je', [
    ...parentStart,
    [{ nl: 'help', en: 'help' }, [p('commands:help'), q('parent-checkin', 0), formal]],
    [{ activity: { text: '' } }, [p('commands:empty'), q('parent-checkin', 0), formal]],
    [{ nl: 'taal', en: 'language' }, [p('commands:language.ask'), formal]],
    [{ nl: 'Nederlands', en: 'English' }, [k('commands:language.switched'), q('parent-checkin', 0), formal]],
    ['4', [q('parent-checkin', 1), formal]],
    ['4', [q('parent-checkin', 2), formal]],
    ['4', [q('parent-checkin', 3), formal]],
    ['4', [q('parent-checkin', 4), formal]],
    [{ nl: 'mijn gegevens', en: 'my data' }, [p('data:mine.title'), p('data:mine.recent'), q('parent-checkin', 4), formal]],
    [longRemark, [p('privacy:truncated', { max: 100 }), k('themes:check.ask', { choices: waitingChoices }), formal]],
    [{ nl: 'wachten', en: 'waiting' }, [p('summary:parentThanks'), k('summary:after.parent'), formal]],
    ['hoi', [p('commands:finished'), formal]],
    ['stop', [p('commands:stopped'), formal]],
  ]),
  ...inBothLanguages('a parent who finished is told to type start or answer the next invitation, not to scan a code', [
    ...parentAtRemark,
    [{ nl: 'overslaan', en: 'skip' }, [p('summary:parentThanks'), k('summary:after.parent'), nothingElse, joinAgain, noCode]],
    ['hoi', [p('commands:finished'), nothingElse, joinAgain, noCode, formal]],
  ]),
  ...inBothLanguages('a young person who finished is still told to scan a new code', [
    ...youthStart,
    ['4', [q('session-check', 1)]],
    ['4', [q('session-check', 2)]],
    ['4', [q('session-check', 3)]],
    ['4', [q('session-check', 4)]],
    [{ nl: 'overslaan', en: 'skip' }, [k('summary:after.youth')]],
    ['hoi', [k('commands:finished'), nothingElse, saidLike({ nl: /scan/i, en: /scan/i })]],
  ]),
  ...inBothLanguages('a young person who erased their data is told that start begins again', [
    ...youthStart,
    ['4', [q('session-check', 1)]],
    [{ nl: 'verwijder mijn gegevens', en: 'delete my data' }, [k('data:erase.confirm')]],
    [{ nl: 'ja', en: 'yes' }, [k('data:erase.done', { count: 1 }), k('data:erase.again'), nothingElse, startAgain]],
    ['start', [k('welcome:privacy'), k('consent:ask')]],
  ]),
  ...inBothLanguages('a parent who erased their data is told, as u, that start begins again', [
    ...parentStart,
    ['4', [q('parent-checkin', 1)]],
    [{ nl: 'verwijder mijn gegevens', en: 'delete my data' }, [p('data:erase.confirm'), formal]],
    [{ nl: 'ja', en: 'yes' }, [p('data:erase.done', { count: 1 }), p('data:erase.again'), nothingElse, startAgain, formal]],
  ]),
];

describe('wording for parents', () => {
  let ctx: TestContext;
  let bot: ActivityHandler;

  beforeEach(async () => {
    ctx = await createTestContext({ MAX_TEXT_LENGTH: '100' });
    bot = createBot(ctx);
  });
  afterEach(async () => ctx.close());

  it.each(transcripts)('$name ($locale)', async (transcript) => {
    const user = testUser(bot, { locale: channelLocaleOf(transcript), user: 'u1' });
    await play(user, transcript, ctx.app.data);
  });
});
