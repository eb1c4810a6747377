import { join } from 'node:path';
import { loadConfigData } from '../../../core/configData';
import { findEmergentPhrases } from '../../../core/themes/emergent';
import { smallCatalogue } from './smallTraining';

const small = smallCatalogue({
  waiting: {
    label: 'Wachten',
    examples: { nl: ['de wachtlijst was lang', 'het duurde lang op school', 'Wachtlijsten en wachttijd'], en: ['the waiting list was long'] },
    keywords: { nl: ['wachtlijst'], en: ['waiting list'] },
  },
});
const { catalogue, training } = small;

const item = (participant: string, text: string, lang: 'nl' | 'en' = 'nl') => ({ participant, text, lang, themes: [] as string[] });

describe('findEmergentPhrases', () => {
  it('reports a recurring new phrase with its most common wording', () => {
    const items = [
      item('p1', 'Het vervoer naar school is slecht geregeld'),
      item('p2', 'vervoer naar school komt te laat'),
      item('p3', 'Het vervoer naar de school is een ramp'),
      item('p4', 'Ik ben boos over de vervoer naar school'),
    ];
    const found = findEmergentPhrases(items, { minRespondents: 3, catalogue, training });
    expect(found[0]).toEqual({ phrase: 'vervoer naar school', respondents: 4, lang: 'nl' });
  });

  it('prefers the pair over the single words inside it', () => {
    const items = ['p1', 'p2', 'p3'].map((p) => item(p, 'het vervoer naar school'));
    const phrases = findEmergentPhrases(items, { minRespondents: 3, catalogue, training }).map((e) => e.phrase);
    expect(phrases).toContain('vervoer naar school');
    expect(phrases).not.toContain('vervoer');
  });

  it('counts one participant once, however often they use the phrase', () => {
    const items = [
      item('p1', 'vervoer naar school'),
      item('p1', 'weer het vervoer naar school'),
      item('p1', 'vervoer naar school!!'),
      item('p1', 'vervoer naar school, echt'),
      item('p2', 'vervoer naar school'),
    ];
    expect(findEmergentPhrases(items, { minRespondents: 3, catalogue, training })).toEqual([]);
    const counted = findEmergentPhrases(items, { minRespondents: 2, catalogue, training });
    expect(counted.find((e) => e.phrase === 'vervoer naar school')?.respondents).toBe(2);
  });

  it('leaves out phrases the catalogue already covers', () => {
    const items = ['p1', 'p2', 'p3', 'p4'].map((p) => item(p, 'de wachtlijst was lang'));
    expect(findEmergentPhrases(items, { minRespondents: 3, catalogue, training })).toEqual([]);
  });

  it('keeps languages apart and honours max', () => {
    const items = [
      ...['a', 'b', 'c'].map((p) => item(p, 'the school bus never shows up', 'en')),
      ...['d', 'e', 'f'].map((p) => item(p, 'de schoolbus komt niet opdagen')),
    ];
    const all = findEmergentPhrases(items, { minRespondents: 3, catalogue, training });
    expect(new Set(all.map((e) => e.lang))).toEqual(new Set(['nl', 'en']));
    expect(all.every((e) => e.respondents === 3)).toBe(true);
    expect(findEmergentPhrases(items, { minRespondents: 3, catalogue, training, max: 2 })).toHaveLength(2);
  });

  it('finds a new topic against the shipped catalogue, but not the topics it already has', () => {
    const shipped = loadConfigData(join(__dirname, '..', '..', '..', 'config')).catalogue;
    const items = [
      item('p1', 'Het vervoer naar school is slecht geregeld'),
      item('p2', 'vervoer naar school komt steeds te laat'),
      item('p3', 'de wachtlijst was veel te lang en het vervoer naar school is een ramp'),
      item('p4', 'de wachtlijst was veel te lang'),
      item('p5', 'wachtlijst was te lang, vervoer naar school ook slecht'),
    ];
    const found = findEmergentPhrases(items, { minRespondents: 3, catalogue: shipped });
    expect(found.map((e) => e.phrase)).toContain('vervoer naar school');
    expect(found.map((e) => e.phrase)).not.toContain('wachtlijst was veel te lang');
    expect(found.find((e) => e.phrase.includes('wachtlijst'))).toBeUndefined();
  });
});
