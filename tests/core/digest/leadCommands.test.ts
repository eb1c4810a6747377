import { leadVocabulary } from '../../../bot/digestCommands';
import { isListed, parseLeadCommand } from '../../../core/digest/leadCommands';
import { translatorFor } from '../../../locales';

const vocab = leadVocabulary(translatorFor);
const parse = (text: string) => parseLeadCommand(text, vocab);

describe('parseLeadCommand', () => {
  it.each([
    ['digest aanmelden demo', { kind: 'subscribe', project: 'demo', locale: 'nl' }],
    ['Digest Subscribe Demo', { kind: 'subscribe', project: 'demo', locale: 'en' }],
    ['digest aanmelden vlaanderen-demo', { kind: 'subscribe', project: 'vlaanderen-demo', locale: 'nl' }],
    ['DIGEST NU', { kind: 'now', project: undefined, locale: 'nl' }],
    ['digest now demo', { kind: 'now', project: 'demo', locale: 'en' }],
    ['digest afmelden', { kind: 'unsubscribe', project: undefined, locale: 'nl' }],
    ['digest unsubscribe demo', { kind: 'unsubscribe', project: 'demo', locale: 'en' }],
    ['digest help', { kind: 'help', locale: undefined }],
    ['digest', { kind: 'help', locale: undefined }],
    ['<at>HoorMij</at> digest nu demo', { kind: 'now', project: 'demo', locale: 'nl' }],
    ['veiligheid aanmelden demo', { kind: 'safeguardingSubscribe', project: 'demo', locale: 'nl' }],
    ['Safeguarding subscribe demo', { kind: 'safeguardingSubscribe', project: 'demo', locale: 'en' }],
    ['dígest aanmélden demo', { kind: 'subscribe', project: 'demo', locale: 'nl' }],
  ])('reads "%s"', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each(['hallo', 'stop', 'help', 'veiligheid is hier goed geregeld', 'digest is een raar woord', '4', ''])(
    'leaves "%s" to the participant dialogs',
    (text) => {
      expect(parse(text)).toBeUndefined();
    },
  );
});

describe('isListed', () => {
  const leads = [{ aadObjectId: 'AAD-1' }, { email: 'Lead@Example.org' }];
  it('matches the AAD object id without asking for the e-mail', async () => {
    let asked = 0;
    expect(await isListed(leads, { aadObjectId: 'aad-1', email: async () => (asked++, undefined) })).toBe(true);
    expect(asked).toBe(0);
  });
  it('matches the e-mail regardless of case', async () => {
    expect(await isListed(leads, { email: async () => 'lead@example.ORG' })).toBe(true);
  });
  it('refuses anyone else', async () => {
    expect(await isListed(leads, { aadObjectId: 'aad-2', email: async () => 'other@example.org' })).toBe(false);
    expect(await isListed([], { aadObjectId: 'aad-1', email: async () => 'lead@example.org' })).toBe(false);
  });
});
