import { compileKeywords } from '../../../core/themes/keywordRules';
import { analyse } from '../../../core/themes/language';
import type { TrainingData } from '../../../core/themes/trainingData';
import type { Locale } from '../../../core/types';
import { smallCatalogue } from './smallTraining';

const catalogueWith = (keywords: { nl?: string[]; en?: string[] }) => smallCatalogue({ waiting: { keywords } }).training;

const match = (c: TrainingData, text: string, lang: Locale) => compileKeywords(c, lang).match(analyse(text, lang));

describe('compileKeywords', () => {
  it('finds a Dutch keyword as the last part of a compound', () => {
    const c = catalogueWith({ nl: ['wachtlijst'] });
    expect(match(c, 'de zorgwachtlijsten zijn enorm', 'nl').strong).toEqual(new Set(['waiting']));
    expect(match(c, 'de wachtlijst was lang', 'nl').strong).toEqual(new Set(['waiting']));
  });

  it('does not look for short Dutch keywords inside other words', () => {
    const c = catalogueWith({ nl: ['plan'] });
    expect(match(c, 'het is een planeet', 'nl').strong.size).toBe(0);
    expect(match(c, 'mijn hulpplan', 'nl').strong.size).toBe(0);
    expect(match(c, 'het plan klopt', 'nl').strong).toEqual(new Set(['waiting']));
  });

  it('reports a "~" keyword as a hint, not as a keyword', () => {
    const c = catalogueWith({ en: ['~weeks', 'waiting list'] });
    expect(match(c, 'it took weeks', 'en')).toEqual({ strong: new Set(), hints: new Set(['waiting']) });
    expect(match(c, 'weeks on the waiting list', 'en')).toEqual({ strong: new Set(['waiting']), hints: new Set() });
  });

  it('matches an "=" keyword only as written, not on its stem', () => {
    const c = catalogueWith({ en: ['=cared'] });
    expect(match(c, 'she really cared', 'en').strong).toEqual(new Set(['waiting']));
    expect(match(c, 'my son is in care', 'en').strong.size).toBe(0);
  });
});
