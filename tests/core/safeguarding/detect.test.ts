import { detectSignals, signalsDanger, type SignalCategory } from '../../../core/safeguarding/detect';

describe('detectSignals', () => {
  it.each<[string, SignalCategory]>([
    ['Ik heb zelfmoordgedachten', 'suicide'],
    ['soms denk ik aan zelfmoord', 'suicide'],
    ['ik wil dood', 'suicide'],
    ['k wil dooood', 'suicide'],
    ['Ik wil er niet meer zijn.', 'suicide'],
    ['ik wil niet meer leven', 'suicide'],
    ['ik zie het echt niet meer zitten', 'suicide'],
    ['ik wil er een eind aan maken', 'suicide'],
    ['ik wil niet dood maar denk er wel aan', 'suicide'],
    ['Ik ga mezelf snijden', 'self-harm'],
    ['ik snij mezelf soms', 'self-harm'],
    ['ik ben weer gaan krassen', 'self-harm'],
    ['ik doe mezelf pijn', 'self-harm'],
    ['hij slaat me', 'abuse'],
    ['Mijn vader slaat mij', 'abuse'],
    ['ik word geslagen', 'abuse'],
    ['ik ben misbruikt', 'abuse'],
    ['ik ben aangerand', 'abuse'],
    ['ze hebben me verkracht', 'abuse'],
    ['hij zit aan me', 'abuse'],
    ['ik ben bang voor mijn stiefvader', 'abuse'],
    ['ik durf niet naar huis', 'abuse'],
    ['ze dreigt me', 'violence-threat'],
    ['hij wil me vermoorden', 'violence-threat'],
    ['ze hebben me bedreigd met een mes', 'violence-threat'],
    ['I want to kill myself', 'suicide'],
    ['i want to die', 'suicide'],
    ['I just want to end it all', 'suicide'],
    ["I don't want to be alive anymore", 'suicide'],
    ['su1c1de', 'suicide'],
    ['kms', 'suicide'],
    ['I hurt myself again', 'self-harm'],
    ["I've been cutting myself", 'self-harm'],
    ["I don't want to hurt myself", 'self-harm'],
    ['he hits me', 'abuse'],
    ["I'm being abused", 'abuse'],
    ['my uncle touches me', 'abuse'],
    ['my dad beats me up', 'abuse'],
    ["I'm not safe at home", 'abuse'],
    ['he threatens to hurt me', 'violence-threat'],
    ['they said they will kill me', 'violence-threat'],
    ['someone stabbed my brother', 'violence-threat'],
  ])('flags "%s" as %s', (text, category) => {
    const result = detectSignals(text);
    expect(result.flagged).toBe(true);
    expect(result.categories).toContain(category);
  });

  it.each([
    'ik ga dood van het lachen',
    'ik ga dood van de verveling',
    'ik ga me dood vervelen in de wachtkamer',
    'ik ben doodmoe',
    'ik ben doodziek van de wachtlijst',
    'dat was killing',
    'ik schrok me dood',
    'ik lach me dood om die video',
    'dat slaat nergens op',
    'de wachtlijst maakt me gek',
    'Het was geweldig!',
    'Ik gun haar het beste',
    'krassen op mijn telefoon',
    'ik fietste 10 kms naar de afspraak',
    'De begeleider heeft me goed geholpen',
    'this waiting list kills me',
    "I'm dying to know what happens next",
    'we killed it at the presentation',
    "I'm dead tired",
    'this cake is to die for',
    "I'm scared to death of exams",
    'hit me up later',
    'my feet are killing me',
    'I wanted to die of embarrassment',
    'What beats me is why it takes so long',
    'The waiting list was long and nobody called back.',
  ])('does not flag "%s"', (text) => {
    expect(detectSignals(text)).toEqual({ flagged: false, categories: [] });
  });

  it('still flags a real signal next to an idiom in the same message', () => {
    expect(detectSignals('ik ga dood van het lachen om jou, maar eigenlijk wil ik dood').categories).toEqual(['suicide']);
  });

  it('lists every category that is present, in a fixed order', () => {
    expect(detectSignals('hij slaat me. ik wil dood').categories).toEqual(['suicide', 'abuse']);
  });

  it('reads accents, capitals, apostrophes and punctuation the same as plain text', () => {
    expect(detectSignals('IK WIL DOOD!!!').flagged).toBe(true);
    expect(detectSignals('Ik ben bang voor m’n stiefvader…').categories).toEqual(['abuse']);
    expect(detectSignals('zelfmóórd').categories).toEqual(['suicide']);
  });

  it('flags nothing in empty text', () => {
    expect(detectSignals('')).toEqual({ flagged: false, categories: [] });
  });
});

describe('signalsDanger', () => {
  const filler = 'De wachtlijst was lang. ';

  it('finds a signal anywhere in a long message, within its window of 20,000 characters', () => {
    expect(signalsDanger(`${filler.repeat(700)}Ik wil niet meer leven.`)).toBe(true);
    expect(signalsDanger(filler.repeat(700))).toBe(false);
  });

  it('reads no further than the window, so a 1 MB message costs what 20,000 characters cost', () => {
    expect(signalsDanger(`${'x'.repeat(20_001)} ik wil niet meer leven`)).toBe(false);
  });
});
