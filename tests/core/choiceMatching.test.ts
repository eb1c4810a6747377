import { isExactly, matchChoice, matchWhole, normalizeText, type ChoiceOption } from '../../core/choiceMatching';

const yesNo: ChoiceOption<'yes' | 'no'>[] = [
  { value: 'yes', phrases: ['ja', 'ja hoor', 'yes', 'ok'] },
  { value: 'no', phrases: ['nee', 'no', 'liever niet'] },
];
const scale: ChoiceOption[] = [
  ...[1, 2, 3, 4, 5].map((d) => ({ value: String(d), phrases: [String(d)] })),
  { value: '4', phrases: ['vier', '🙂'] },
  { value: 'skip', phrases: ['overslaan', 'skip', 'weet niet'] },
];

describe('normalizeText', () => {
  it('drops case, accents and punctuation and keeps emoji as words', () => {
    expect(normalizeText('  Één, TWEE!! café ')).toBe('een twee cafe');
    expect(normalizeText('4🙂')).toBe('4 🙂');
  });

  it('treats plain ASCII text exactly as the full Unicode rules do', () => {
    // Appending " é" sends the same text through the Unicode path; the ASCII part must not differ.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const samples = ['4', 'Ja hoor!', '  START  ', 'digest nu demo', "it's_a-TEST\t#1*", '\u0000\u007f~'];
    for (let i = 0; i < 500; i++) samples.push(Array.from({ length: next() % 30 }, () => String.fromCharCode(next() % 128)).join(''));
    for (const text of samples) {
      const ascii = normalizeText(text);
      expect([ascii, 'e'].filter(Boolean).join(' ')).toBe(normalizeText(`${text} é`));
    }
  });
});

describe('matchChoice', () => {
  it.each([
    ['Ja hoor!', 'yes'],
    ['NEE', 'no'],
    ['nee.', 'no'],
    ['Liever niet, sorry', 'no'],
    ['yes please', 'yes'],
  ])('understands %p as %p', (text, expected) => {
    expect(matchChoice(text, yesNo)).toBe(expected);
  });

  it.each([
    ['ik denk een 4', '4'],
    ['4 🙂', '4'],
    ['vier', '4'],
    ['🙂', '4'],
    ['Overslaan', 'skip'],
    ['weet niet hoor', 'skip'],
  ])('reads the scale answer in %p', (text, expected) => {
    expect(matchChoice(text, scale)).toBe(expected);
  });

  it('finds nothing in unrelated text, in digits inside numbers or in two different answers', () => {
    expect(matchChoice('misschien', yesNo)).toBeUndefined();
    expect(matchChoice('jaja', yesNo)).toBeUndefined();
    expect(matchChoice('10', scale)).toBeUndefined();
    expect(matchChoice('3 of 4', scale)).toBeUndefined();
    expect(matchChoice('ja nee', yesNo)).toBeUndefined();
    expect(matchChoice('', yesNo)).toBeUndefined();
  });
});

describe('isExactly', () => {
  it('matches only the whole message', () => {
    expect(isExactly('Nee!', ['nee'])).toBe(true);
    expect(isExactly('nee, het was niet fijn', ['nee'])).toBe(false);
    expect(isExactly('   ', [''])).toBe(false);
  });
});

describe('matchWhole', () => {
  const labels: ChoiceOption[] = [
    { value: '2', phrases: ['niet zo goed'] },
    { value: '4', phrases: ['goed'] },
    { value: '5', phrases: ['heel goed'] },
  ];

  it('takes a word only when it is the whole message', () => {
    expect(matchWhole('Heel goed!', labels)).toBe('5');
    expect(matchWhole('goed', labels)).toBe('4');
    expect(matchWhole('niet zo goed', labels)).toBe('2');
    expect(matchWhole('niet goed', labels)).toBeUndefined();
    expect(matchWhole('het was goed', labels)).toBeUndefined();
  });
});

describe('one typo forgiven (role words)', () => {
  const roles: ChoiceOption[] = [
    { value: 'youth', phrases: ['jongere', 'young person', 'kind'] },
    { value: 'parent', phrases: ['ouder', 'parent', 'mama'] },
  ];
  it('accepts one wrong, missing, added or swapped letter in words of five letters or more', () => {
    for (const typed of ['jongre', 'jongeer', 'jomgere', 'jonegre', 'yuong person', 'young persn']) expect(matchChoice(typed, roles, { forgiveTypo: true })).toBe('youth');
    for (const typed of ['oudr', 'ouders!', 'oudder', 'parnet', 'Paremt']) expect(matchChoice(typed, roles, { forgiveTypo: true })).toBe('parent');
  });
  it('forgives nothing in shorter words, two typos, or without being asked to', () => {
    expect(matchChoice('kidn', roles, { forgiveTypo: true })).toBeUndefined();
    expect(matchChoice('mamma', roles, { forgiveTypo: true })).toBeUndefined();
    expect(matchChoice('jngre', roles, { forgiveTypo: true })).toBeUndefined();
    expect(matchChoice('jongre', roles)).toBeUndefined();
  });
  it('prefers an exact word over a near one', () => {
    expect(matchChoice('ouder', roles, { forgiveTypo: true })).toBe('parent');
  });
});
