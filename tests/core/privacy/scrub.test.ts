import { scrubText, type PiiKind } from '../../../core/privacy/scrub';
import { translatorFor } from '../../../locales';

const tNl = translatorFor('nl');
const tEn = translatorFor('en');
const nl = (kind: PiiKind): string => tNl(`privacy:placeholder.${kind}`);
const en = (kind: PiiKind): string => tEn(`privacy:placeholder.${kind}`);
const scrubNl = (text: string): string => scrubText(text, nl).text;
const scrubEn = (text: string): string => scrubText(text, en).text;

type Row = [input: string, expected: string, kinds: PiiKind[]];

describe('scrubText', () => {
  describe('e-mail addresses spelled out in words', () => {
    it.each<Row>([
      ['mail naar kees punt bakker at hotmail punt nl', 'mail naar [e-mail]', ['spelled-email']],
      ['mijn mail is fleur underscore jong apenstaartje gmail punt com!', 'mijn mail is [e-mail]!', ['spelled-email']],
      ['reach me at sam dot lee at outlook dot com', 'reach me at [e-mail]', ['spelled-email']],
    ])('"%s" → "%s"', (input, expected, kinds) => {
      expect(scrubText(input, nl)).toEqual({ text: expected, kinds });
    });

    it('leaves "at" in ordinary sentences alone', () => {
      expect(scrubEn('I was at school at nine, then at the doctor.')).toBe('I was at school at nine, then at the doctor.');
    });
  });

  describe('social media handles', () => {
    it.each<Row>([
      ['volg me op insta @sanne.visser_', 'volg me op insta [account]', ['handle']],
      ['mijn snap is noor.k', 'mijn snap is [account]', ['handle']],
      ['tiktok: femkedekker2010', 'tiktok: [account]', ['handle']],
      ['add me on snapchat lucas_vd', 'add me on snapchat [account]', ['handle']],
      ['@emma.jansen zit bij mij in de groep', '[account] zit bij mij in de groep', ['handle']],
    ])('"%s" → "%s": the whole handle, not only the first name in it', (input, expected, kinds) => {
      expect(scrubText(input, nl)).toEqual({ text: expected, kinds });
    });

    it('leaves a platform named in a sentence alone', () => {
      expect(scrubNl('Op de groep mag ik niet op TikTok, wel op Instagram.')).toBe('Op de groep mag ik niet op TikTok, wel op Instagram.');
    });
  });

  describe('a role word followed by "van"', () => {
    it('keeps "van" and removes the name: "de juf van Noor" is Noor\'s teacher', () => {
      expect(scrubNl('De juf van Noor belt nooit terug.')).toBe('De juf van [naam] belt nooit terug.');
    });

    it('still removes a surname with "van" after a title', () => {
      expect(scrubNl('Meneer van Dijk belt nooit terug.')).toBe('Meneer [naam] belt nooit terug.');
    });
  });

  describe('an address after "mijn adres is" or "ik woon op", whatever the street is called', () => {
    it.each<Row>([
      ['mijn adres is Kouter 7 bus 2', 'mijn adres is [adres]', ['address']],
      ['ik woon op Groenplaats 3', 'ik woon op [adres]', ['address']],
    ])('"%s" → "%s"', (input, expected, kinds) => {
      expect(scrubText(input, nl)).toEqual({ text: expected, kinds });
    });

    it('leaves "ik woon in Gent" alone', () => {
      expect(scrubNl('Ik woon in Gent sinds 2019.')).toBe('Ik woon in Gent sinds 2019.');
    });
  });

  describe('birth dates', () => {
    it.each<Row>([
      ['ik ben geboren op 12-03-2011', 'ik ben geboren op [geboortedatum]', ['birthdate']],
      ['Ik ben op 3 mei 2010 geboren.', 'Ik ben op [geboortedatum] geboren.', ['birthdate']],
    ])('"%s" → "%s"', (input, expected, kinds) => {
      expect(scrubText(input, nl)).toEqual({ text: expected, kinds });
    });

    it('leaves other dates alone', () => {
      expect(scrubNl('De afspraak is op 3 mei 2026 om 14:00.')).toBe('De afspraak is op 3 mei 2026 om 14:00.');
    });
  });

  describe('e-mail addresses and links', () => {
    it.each<Row>([
      ['Mail me op sanne.devries@gmail.com aub', 'Mail me op [e-mail] aub', ['email']],
      ['mijn mail: j.o+hoormij@werk.example.be.', 'mijn mail: [e-mail].', ['email']],
      ['sanne (at) gmail (dot) com', '[e-mail]', ['email']],
      ['Kijk op https://www.example.nl/pad?x=1.', 'Kijk op [link].', ['url']],
      ['zie www.jeugdzorg-voorbeeld.nl voor meer', 'zie [link] voor meer', ['url']],
      ['het staat op example.nl/pad en jeugd.be', 'het staat op [link] en [link]', ['url']],
    ])('%s', (input, expected, kinds) => {
      expect(scrubText(input, nl)).toEqual({ text: expected, kinds });
    });

    it('leaves a full stop without a space between sentences alone', () => {
      expect(scrubNl('Het was goed.De wachtlijst niet.')).toBe('Het was goed.De wachtlijst niet.');
    });
  });

  describe('phone numbers', () => {
    it.each<[string, string]>([
      ['bel 06-12345678', 'bel [telefoon]'],
      ['bel 06 1234 5678 vandaag', 'bel [telefoon] vandaag'],
      ['bel 0612345678', 'bel [telefoon]'],
      ['bel +31 6 12345678', 'bel [telefoon]'],
      ['bel +31 (0)6 12345678', 'bel [telefoon]'],
      ['bel 0031 6 12345678', 'bel [telefoon]'],
      ['bel 020-1234567', 'bel [telefoon]'],
      ['bel (020) 123 4567', 'bel [telefoon]'],
      ['bel 06.12.34.56.78', 'bel [telefoon]'],
      ['bel 0800-0432', 'bel [telefoon]'],
      ['bel 0470 12 34 56', 'bel [telefoon]'],
      ['bel +32 470 12 34 56', 'bel [telefoon]'],
      ['bel 0032 470 12 34 56', 'bel [telefoon]'],
      ['bel 02 123 45 67', 'bel [telefoon]'],
      ['bel +44 20 7946 0958', 'bel [telefoon]'],
      ['06-12345678 of 020-7654321', '[telefoon] of [telefoon]'],
    ])('scrubs %s', (input, expected) => {
      expect(scrubText(input, nl)).toEqual({ text: expected, kinds: ['phone'] });
    });

    it('keeps short numbers, dates, times, amounts and scores', () => {
      const text =
        'Ik belde 113 en 112, op 01-02-2024 om 10:30, 2024-02-01, het kostte 1500 euro, cijfer 8,5, scores 8 7 6 5 4 3 2 1 0.';
      expect(scrubText(text, nl)).toEqual({ text, kinds: [] });
    });
  });

  describe('BSN and rijksregisternummer', () => {
    it.each<Row>([
      ['mijn bsn is 123456782', 'mijn bsn is [bsn]', ['bsn']],
      ['bsn 1234.56.782', 'bsn [bsn]', ['bsn']],
      ['bsn 123 456 782', 'bsn [bsn]', ['bsn']],
      ['bsn 111222333.', 'bsn [bsn].', ['bsn']],
      ['bsn zonder nul 12345672', 'bsn zonder nul [bsn]', ['bsn']],
      ['rrn 85.07.30-033.28', 'rrn [rijksregisternummer]', ['rrn']],
      ['rrn 85073003328', 'rrn [rijksregisternummer]', ['rrn']],
      ['geboren na 2000: 01.02.03-123.45', 'geboren na 2000: [rijksregisternummer]', ['rrn']],
    ])('scrubs %s', (input, expected, kinds) => {
      expect(scrubText(input, nl)).toEqual({ text: expected, kinds });
    });

    it.each([
      ['a 9-digit number that fails the 11-test', 'nummer 123456789'],
      ['an 8-digit number that fails the 11-test', 'nummer 12345678'],
      ['a rijksregisternummer with a wrong check', 'rrn 85.07.30-033.29'],
      ['an 11-digit number with a wrong check', 'nummer 85073003329'],
    ])('keeps %s', (_label, text) => {
      expect(scrubText(text, nl)).toEqual({ text, kinds: [] });
    });
  });

  describe('IBANs', () => {
    it.each<[string, string]>([
      ['rekening NL91 ABNA 0417 1643 00 graag', 'rekening [iban] graag'],
      ['rekening NL91ABNA0417164300', 'rekening [iban]'],
      ['rekening nl91abna0417164300', 'rekening [iban]'],
      ['rekening BE68 5390 0754 7034 voor jou', 'rekening [iban] voor jou'],
      ['Konto DE89 3704 0044 0532 0130 00', 'Konto [iban]'],
      ['NL91 ABNA 0417 1643 00 en BE68539007547034', '[iban] en [iban]'],
    ])('scrubs %s', (input, expected) => {
      expect(scrubText(input, nl)).toEqual({ text: expected, kinds: ['iban'] });
    });

    it('keeps an IBAN-shaped code with a wrong check', () => {
      const text = 'code NL91ABNA0417164301';
      expect(scrubText(text, nl)).toEqual({ text, kinds: [] });
    });
  });

  describe('addresses and postcodes', () => {
    it.each<Row>([
      ['Ik woon op de Kerkstraat 12, 1234 AB Amsterdam', 'Ik woon op de [adres], [postcode] Amsterdam', ['address', 'postcode']],
      ['Lange Nieuwstraat 12bis, 2000 Antwerpen', '[adres], [postcode] Antwerpen', ['address', 'postcode']],
      ['adres: kerkstraat 12a', 'adres: [adres]', ['address']],
      ['Dorpsweg 3-5 en Stationsplein 1 bus 4', '[adres] en [adres]', ['address']],
      ['Van Goghlaan 7 is ons huis', '[adres] is ons huis', ['address']],
      ['Rue de la Loi 16, B-1000 Brussel', '[adres], [postcode] Brussel', ['address', 'postcode']],
      ['I live at 12 Baker Street', 'I live at [adres]', ['address']],
      ['postcode 1234AB', 'postcode [postcode]', ['postcode']],
      ['postcode 1234 ab', 'postcode 1234 ab', []],
      ['wij wonen in 3000 Leuven', 'wij wonen in [postcode] Leuven', ['postcode']],
    ])('%s', (input, expected, kinds) => {
      expect(scrubText(input, nl)).toEqual({ text: expected, kinds });
    });

    it('keeps everyday words that end like a street name', () => {
      const text = 'Ik was onderweg 2 uur en stond op de snelweg 3 keer in de file, 25 km, 1234km, in 2023 werd het beter.';
      expect(scrubText(text, nl)).toEqual({ text, kinds: [] });
    });
  });

  describe('names', () => {
    it.each<[string, string]>([
      ['ik heet sanne', 'ik heet [naam]'],
      ['Mijn naam is Fatima El Amrani.', 'Mijn naam is [naam].'],
      ['Ik ben Mark en ik ben 15', 'Ik ben [naam] en ik ben 15'],
      ['Ik ben Xandrine', 'Ik ben [naam]'],
      ['Ik vond Sanne heel aardig', 'Ik vond [naam] heel aardig'],
      ['ik vond sanne heel aardig', 'ik vond [naam] heel aardig'],
      ['Sanne was er altijd voor me', '[naam] was er altijd voor me'],
      ['Gisteren was Jan de Vries er niet', 'Gisteren was [naam] er niet'],
      ['Mohammed ben Ali hielp ons', '[naam] hielp ons'],
      ['ik sprak met Anne-Marie van der Berg', 'ik sprak met [naam]'],
      ["Jan van 't Hof belde", '[naam] belde'],
      ['Zoë en Ayşe kwamen ook', '[naam] en [naam] kwamen ook'],
      ['Wil je weten wat Mark zei?', 'Wil je weten wat [naam] zei?'],
      ['Mijn begeleider heet Xandrine', 'Mijn begeleider heet [naam]'],
      ['bij juf Xandrine en meneer de Boer', 'bij juf [naam] en meneer [naam]'],
      ['Groetjes, Lotte', 'Groetjes, [naam]'],
      ["Sanne's moeder belde", "[naam]'s moeder belde"],
      ['MIJN BEGELEIDER SANNE DE VRIES IS TOP', 'MIJN BEGELEIDER [naam] IS TOP'],
    ])('scrubs the name in %s', (input, expected) => {
      expect(scrubText(input, nl)).toEqual({ text: expected, kinds: ['name'] });
    });

    it.each<[string, string]>([
      ['my worker Jake Peters was kind', 'my worker [name] was kind'],
      ['My name is Grace', 'My name is [name]'],
      ["I'm Jake and I'm 14", "I'm [name] and I'm 14"],
      ['Hope you are well. We met Hope there.', 'Hope you are well. We met [name] there.'],
      ['Will you tell Will?', 'Will you tell [name]?'],
      ['call me Sam', 'call me [name]'],
      ['my worker is called Xandrine', 'my worker is called [name]'],
      ['Mark Rutte visited', '[name] visited'],
    ])('scrubs the name in %s', (input, expected) => {
      expect(scrubText(input, en)).toEqual({ text: expected, kinds: ['name'] });
    });

    it.each([
      'De wachtlijst was lang.',
      'Ik ben blij met de hulp.',
      'Ik ben boos, ik ben 14 en ik ben Marokkaans.',
      'Mark het formulier en stuur het op.',
      'Wil je bellen? Ben je er? Dan gaan we verder. Toon me het plan.',
      'Max 2 keer per week is genoeg.',
      'Elke week een ander gezicht.',
      'Jan en alleman weet het.',
      'Op 15 Jan had ik een gesprek.',
      'Ik voelde me gehoord door het team van Jeugdzorg Utrecht.',
      'Ik heb De Kindertelefoon en Veilig Thuis gebeld.',
      'I called Veilig Thuis and Awel.',
      'Ik ben Nederlander.',
      'Mijn armen en benen doen pijn, elke dag.',
      'Hope this helps. Can we talk? An idea: more time.',
      "I'm happy, I'm Dutch and I'm fine.",
      'The worker was kind but the waiting list was long.',
      'Ik Vind Het Hier Echt Heel Fijn',
      'call me later please',
    ])('keeps %s', (text) => {
      expect(scrubText(text, nl)).toEqual({ text, kinds: [] });
    });
  });

  it('scrubs several kinds at once and lists each kind once', () => {
    const input = 'Sanne (06-12345678, sanne@example.nl) woont op Kerkstraat 12; Jake belde 020-1234567.';
    expect(scrubText(input, en)).toEqual({
      text: '[name] ([phone], [email]) woont op [address]; [name] belde [phone].',
      kinds: ['email', 'phone', 'address', 'name'],
    });
  });

  it('keeps emoji and other Unicode intact around what it replaces', () => {
    expect(scrubNl('😊 Sanne 🙏 belde 06-12345678 💬 — café “top”')).toBe('😊 [naam] 🙏 belde [telefoon] 💬 — café “top”');
  });

  it('returns the text unchanged when there is nothing to scrub', () => {
    expect(scrubText('', nl)).toEqual({ text: '', kinds: [] });
    expect(scrubText('Het was fijn 👍', nl)).toEqual({ text: 'Het was fijn 👍', kinds: [] });
  });

  it.each([
    ['nl', nl],
    ['en', en],
  ] as const)('is idempotent with the %s placeholders', (_lng, placeholder) => {
    const inputs = [
      'Mijn naam is Fatima El Amrani, bel 06-12345678 of mail f@example.nl',
      'Kerkstraat 12, 1234 AB, NL91 ABNA 0417 1643 00, bsn 123456782, rrn 85.07.30-033.28',
      'my worker Jake Peters, www.example.nl, 12 Baker Street, +32 470 12 34 56',
    ];
    for (const input of inputs) {
      const once = scrubText(input, placeholder);
      const twice = scrubText(once.text, placeholder);
      expect(once.kinds.length).toBeGreaterThan(0);
      expect(twice).toEqual({ text: once.text, kinds: [] });
    }
  });

  it('uses the placeholder the caller passes', () => {
    expect(scrubEn('bel 06-12345678')).toBe('bel [phone]');
    expect(scrubText('bel 06-12345678', (kind) => `<${kind}>`).text).toBe('bel <phone>');
  });
});
