import type { Catalogue } from '../../../core/catalogue';
import type { TrainingData } from '../../../core/themes/trainingData';
import { LOCALES } from '../../../core/types';

type Material = { examples?: { nl?: string[]; en?: string[] }; keywords?: { nl?: string[]; en?: string[] } };

/** A catalogue of a few made-up themes with their own training material, for tests of the mechanics. */
export function smallCatalogue(themes: Record<string, Material & { label?: string }>): { catalogue: Catalogue; training: TrainingData } {
  const training: TrainingData = { examples: { nl: new Map(), en: new Map() }, keywords: { nl: new Map(), en: new Map() }, learned: [] };
  const catalogue: Catalogue = { themes: [] };
  for (const [id, m] of Object.entries(themes)) {
    const label = m.label ?? id;
    catalogue.themes.push({ id, label: { nl: label, en: label }, description: { nl: label, en: label }, q4c: [] });
    for (const lang of LOCALES) {
      training.examples[lang].set(id, m.examples?.[lang] ?? []);
      training.keywords[lang].set(id, m.keywords?.[lang] ?? []);
    }
  }
  return { catalogue, training };
}
