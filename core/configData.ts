import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { catalogueSchema, type Catalogue, type Theme } from './catalogue';
import { organisationSchema, type Organisation } from './organisation';
import { projectsSchema, type Project } from './projects';
import { questionSetsSchema, type QuestionSet } from './questionSets';
import { createSafeguardingDetector, type DangerDetector } from './safeguarding/detect';
import { lexiconAdditionsSchema } from './safeguarding/lexiconSchema';

/** The data files an organisation edits, validated together at start-up. */
export interface ConfigData {
  catalogue: Catalogue;
  themes: Map<string, Theme>;
  questionSets: Map<string, QuestionSet>;
  projects: Map<string, Project>;
  defaultProject: Project;
  /** Who runs this HoorMij (config/organisation.json); see core/organisation.ts for its contacts. */
  organisation: Organisation;
  /** The danger check: the built-in word lists plus the organisation's own (safeguarding-words.json). */
  danger: DangerDetector;
}

/** Optional: an organisation's own danger words, added to the built-in lists (docs/privacy-scrubbing-and-safeguarding.md). */
export const SAFEGUARDING_WORDS_FILE = 'safeguarding-words.json';

function loadDangerDetector(dir: string): DangerDetector {
  if (!existsSync(join(dir, SAFEGUARDING_WORDS_FILE))) return createSafeguardingDetector();
  const additions = readJson(dir, SAFEGUARDING_WORDS_FILE, lexiconAdditionsSchema);
  try {
    return createSafeguardingDetector(additions.lexicons);
  } catch (err) {
    throw new ConfigDataError(`${join(dir, SAFEGUARDING_WORDS_FILE)}: ${(err as Error).message}`);
  }
}

export class ConfigDataError extends Error {
  override readonly name = 'ConfigDataError';
}

function readJson<T extends z.ZodTypeAny>(dir: string, file: string, schema: T): z.infer<T> {
  const path = join(dir, file);
  let raw: unknown;
  try {
    // Windows editors (Notepad) save UTF-8 with a byte order mark; JSON.parse refuses it.
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigDataError(`${path}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigDataError(`${path}: ${issues}`);
  }
  return parsed.data;
}

/** A second entry with the same id would silently replace the first in every lookup. */
function duplicates(file: string, what: string, items: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { id } of items) (seen.has(id) ? twice : seen).add(id);
  return [...twice].map((id) => `${file}: ${what} id "${id}" is used more than once; every ${what} needs its own id`);
}

export function loadConfigData(dir: string): ConfigData {
  const catalogue = readJson(dir, 'themes.json', catalogueSchema);
  const sets = readJson(dir, 'question-sets.json', questionSetsSchema);
  const projects = readJson(dir, 'projects.json', projectsSchema);
  const organisation = readJson(dir, 'organisation.json', organisationSchema);
  const errors: string[] = [
    ...duplicates('themes.json', 'theme', catalogue.themes),
    ...duplicates('question-sets.json', 'question set', sets.questionSets),
    ...duplicates('projects.json', 'project', projects.projects),
  ];
  const themes = new Map(catalogue.themes.map((t) => [t.id, t]));
  const questionSets = new Map(sets.questionSets.map((s) => [s.id, s]));
  for (const s of sets.questionSets) {
    for (const q of s.questions) {
      if (q.type === 'scale' && !themes.has(q.theme)) errors.push(`question-sets.json: ${s.id}.${q.id} uses unknown theme "${q.theme}"`);
    }
  }
  const projectMap = new Map(projects.projects.map((p) => [p.id, p]));
  for (const p of projects.projects) {
    for (const role of ['youth', 'parent'] as const) {
      const set = questionSets.get(p.questionSets[role]);
      if (!set) errors.push(`projects.json: ${p.id} uses unknown question set "${p.questionSets[role]}"`);
      else if (set.role !== role) errors.push(`projects.json: ${p.id}.questionSets.${role} is a set for ${set.role}`);
    }
  }
  const defaultProject = projectMap.get(projects.defaultProject);
  if (!defaultProject) errors.push(`projects.json: defaultProject "${projects.defaultProject}" is not a project`);
  if (errors.length) throw new ConfigDataError(errors.join('\n'));
  return { catalogue, themes, questionSets, projects: projectMap, defaultProject: defaultProject!, organisation, danger: loadDangerDetector(dir) };
}
