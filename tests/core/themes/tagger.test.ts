import { join } from 'node:path';
import { loadConfigData } from '../../../core/configData';
import { createThemeTagger } from '../../../core/themes/tagger';
import { smallCatalogue } from './smallTraining';

const { catalogue } = loadConfigData(join(__dirname, '..', '..', '..', 'config'));
const tagger = createThemeTagger(catalogue);

describe('createThemeTagger', () => {
  it('tags a Dutch complaint about the waiting list with "waiting"', () => {
    expect(tagger.tag('We stonden maanden op de wachtlijst voordat er iets gebeurde', 'nl').themes).toContain('waiting');
  });

  it('tags an English remark about changing workers with "continuity"', () => {
    expect(tagger.tag("I've had three different social workers this year and had to explain everything again", 'en').themes).toContain('continuity');
  });

  it('gives one text several themes when it speaks of several things', () => {
    const { themes } = tagger.tag('fijne begeleider maar de wachtlijst was veel te lang en niemand legde uit wat er ging gebeuren', 'nl');
    expect(themes).toEqual(expect.arrayContaining(['waiting', 'information']));
    expect(themes.length).toBeGreaterThanOrEqual(2);
  });

  it('tags nothing in text that is not about care', () => {
    expect(tagger.tag('Gisteren hebben we pannenkoeken gegeten en daarna een film gekeken', 'nl').themes).toEqual([]);
    expect(tagger.tag('my cat had kittens on tuesday', 'en').themes).toEqual([]);
  });

  it('tags nothing in an empty or punctuation-only answer', () => {
    expect(tagger.tag('', 'nl')).toEqual({ themes: [], sentiment: 'neutral', guesses: [] });
    expect(tagger.tag('...!?', 'en')).toEqual({ themes: [], sentiment: 'neutral', guesses: [] });
  });

  it('reads an English answer from a Dutch-speaking user as English', () => {
    expect(tagger.tag('the waiting list was way too long and nobody called us back', 'nl').themes).toContain('waiting');
  });

  it('returns themes in catalogue order and only catalogue ids', () => {
    const ids = catalogue.themes.map((t) => t.id);
    const { themes } = tagger.tag('ik voel me niet veilig op de groep en ik mis mijn broertje', 'nl');
    expect(themes.length).toBeGreaterThan(0);
    for (const t of themes) expect(ids).toContain(t);
    expect([...themes].sort((a, b) => ids.indexOf(a) - ids.indexOf(b))).toEqual(themes);
  });

  it('learns a theme from its keywords and examples alone', () => {
    const tiny = smallCatalogue({
      transport: {
        examples: { nl: ['de taxi naar school komt steeds te laat', 'het busje haalt me niet op'], en: ['the school taxi is always late'] },
        keywords: { nl: ['*taxi*', 'busje'], en: ['taxi'] },
      },
    });
    const small = createThemeTagger(tiny.catalogue, { training: tiny.training });
    expect(small.tag('Weer geen schooltaxi vanochtend', 'nl').themes).toEqual(['transport']);
    expect(small.tag('ik vind mijn begeleider aardig', 'nl').themes).toEqual([]);
  });
});

describe('sentiment', () => {
  const s = (text: string, lang: 'nl' | 'en') => tagger.tag(text, lang).sentiment;

  it('finds positive and negative answers in both languages', () => {
    expect(s('Echt een super fijne begeleider, ik ben heel blij met haar', 'nl')).toBe('positive');
    expect(s('Slechte ervaring, ik ben erg teleurgesteld', 'nl')).toBe('negative');
    expect(s('she is lovely and really helpful', 'en')).toBe('positive');
    expect(s('it was awful and the staff were rude', 'en')).toBe('negative');
  });

  it('turns an opinion around after a negation', () => {
    expect(s('het gesprek was niet fijn', 'nl')).toBe('negative');
    expect(s('de hulp helpt niet', 'nl')).toBe('negative');
    expect(s("the worker wasn't helpful at all", 'en')).toBe('negative');
    expect(s('ik voel me niet onveilig meer', 'nl')).not.toBe('negative');
  });

  it('calls an answer with a clear good and a clear bad part mixed', () => {
    expect(s('fijne begeleider maar de wachtlijst was veel te lang', 'nl')).toBe('mixed');
    expect(s('great worker, but the waiting list was way too long', 'en')).toBe('mixed');
  });

  it('calls an answer without opinion neutral', () => {
    expect(s('ik heb geen opmerkingen', 'nl')).toBe('neutral');
    expect(s('not sure what to write', 'en')).toBe('neutral');
  });

  it('weighs what comes after "maar" or "but" most', () => {
    expect(s('ze is echt een schat maar we hebben 7 maanden moeten wachten', 'nl')).toBe('mixed');
    expect(s('good people but they just dont have enough time', 'en')).toBe('mixed');
  });

  it('lets a conceded part hardly count', () => {
    expect(s('echt respectvol hoe ze met mijn vader omgingen, hoewel hij heel boos was', 'nl')).toBe('positive');
    expect(s('really respectful with my dad even though he was really angry', 'en')).toBe('positive');
  });

  it('reads a remark about a care topic without any opinion word as a complaint', () => {
    expect(s('staff make me hand in my phone at 9, even at weekends', 'en')).toBe('negative');
    expect(s('we staan sinds januari op de wachtlijst', 'nl')).toBe('negative');
    expect(s('ik heb morgen een toets', 'nl')).toBe('neutral');
  });

  it('reads an eye-roll after praise as sarcasm', () => {
    expect(s('nou super geregeld weer, alweer een nieuwe begeleider 🙄', 'nl')).toBe('negative');
    expect(s('oh brilliant, they lost the form again 🙄', 'en')).toBe('negative');
    expect(s('ze regelt alles super 😊', 'nl')).toBe('positive');
  });

  it('reads "te" and "too" before a plain word as a complaint', () => {
    expect(s('de groep is te klein', 'nl')).toBe('negative');
    expect(s('the office is too far', 'en')).toBe('negative');
    expect(s('ik probeer te praten', 'nl')).toBe('neutral');
  });
});
