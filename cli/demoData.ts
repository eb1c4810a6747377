import { demoWeeks, generateDemoData } from '../core/demoData';
import type { ConfigData } from '../core/configData';
import type { ThemeTagger } from '../core/themes/types';
import { translatorFor } from '../locales';
import type { Store } from '../storage/port';
import { UsageError } from './args';

/** Same cut-off as the default MAX_TEXT_LENGTH: demo remarks are far shorter anyway. */
const DEMO_MAX_TEXT = 2000;

/**
 * `npx hoormij demo-data --project P --weeks N`: fills the project with synthetic answers for
 * the N weeks up to the last completed one, so the digest shows something at once. Running it
 * again adds nothing twice (the ids are deterministic).
 */
export async function runDemoData(
  args: { project: string; weeks: number },
  deps: { store: Store; data: ConfigData; tagger: ThemeTagger; secretForPseudonyms: string; now: Date },
  out: NodeJS.WritableStream,
): Promise<number> {
  const t = translatorFor('nl');
  const project = deps.data.projects.get(args.project);
  if (!project) {
    throw new UsageError(t('digest:cli.unknownProject', { project: args.project, projects: [...deps.data.projects.keys()].join(', ') }));
  }
  const weeks = demoWeeks(deps.now, project.timeZone, args.weeks);
  const demo = generateDemoData({
    project,
    questionSets: deps.data.questionSets,
    weeks,
    tagger: deps.tagger,
    pseudonymSecret: deps.secretForPseudonyms,
    placeholder: (kind, lang) => translatorFor(lang)(`privacy:placeholder.${kind}`),
    maxTextLength: DEMO_MAX_TEXT,
  });
  for (const p of demo.participants) if (!(await deps.store.getParticipant(p.id))) await deps.store.saveParticipant(p);
  // deterministic ids: rows from an earlier run are left as they are and not counted
  const added = await deps.store.addResponses(demo.responses);
  out.write(
    `${t('digest:cli.demoDone', {
      answers: added,
      people: demo.participants.length,
      weeks: weeks.length,
      project: project.id,
      skipped: demo.responses.length - added,
    })}\n`,
  );
  return 0;
}
