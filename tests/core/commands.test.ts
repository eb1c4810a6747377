import { parseCommand, type CommandVocabulary } from '../../core/commands';
import { parseSessionCode } from '../../core/sessionCodes';
import { buildVocabulary } from '../../dialogs/vocabulary';
import { translatorFor } from '../../locales';

const vocabulary: CommandVocabulary = buildVocabulary(translatorFor).commands;

describe('parseCommand', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['Hulp', { kind: 'help' }],
    ['STOP', { kind: 'stop' }],
    ['stoppen!', { kind: 'stop' }],
    ['start', { kind: 'start' }],
    ['taal', { kind: 'language' }],
    ['language', { kind: 'language' }],
    ['taal engels', { kind: 'language', locale: 'en' }],
    ['language nl', { kind: 'language', locale: 'nl' }],
    ['Mijn gegevens', { kind: 'myData' }],
    ['my data', { kind: 'myData' }],
    ['verwijder mijn gegevens', { kind: 'erase' }],
    ['Delete my data', { kind: 'erase' }],
  ])('recognises %p in either language', (text, expected) => {
    expect(parseCommand(text, vocabulary)).toEqual(expected);
  });

  it.each([
    ['start K7PX4M', 'K7PX4M'],
    ['start k7px4m', 'K7PX4M'],
    ['Start k7p x4m', 'K7PX4M'],
    ['start K7P-X4M', 'K7PX4M'],
  ])('reads the session code in %p', (text, code) => {
    expect(parseCommand(text, vocabulary)).toEqual({ kind: 'start', code });
  });

  it('flags a code with characters that codes never use', () => {
    expect(parseCommand('start K0PX1M', vocabulary)).toEqual({ kind: 'start', invalidCode: true });
    expect(parseCommand('start AB12', vocabulary)).toEqual({ kind: 'start', invalidCode: true });
  });

  it('leaves ordinary answers alone', () => {
    for (const text of ['ik wil stoppen met school', 'start was goed', 'help me niet', 'taal is lastig', 'mijn gegevens zijn van mij', '', undefined]) {
      expect(parseCommand(text, vocabulary)).toBeUndefined();
    }
  });
});

describe('parseSessionCode', () => {
  it('accepts six characters of the code alphabet in any case and spacing', () => {
    expect(parseSessionCode(' k7px 4m ')).toBe('K7PX4M');
    expect(parseSessionCode('K7PX4')).toBeUndefined();
    expect(parseSessionCode('KOPX4M')).toBeUndefined();
  });
});
