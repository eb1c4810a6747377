import { createInterface } from 'node:readline';
import { reviewAccuracy } from '../core/themes/reviewed';
import type { ResponseRecord, ThemeId } from '../core/types';
import { parseOptions, UsageError } from './args';
import type { CliContext } from './cliContext';

/**
 * `npx hoormij themes review --project P [--since DATE]`: the project's stored (scrubbed) remarks
 * that no operator reviewed yet, one at a time with their tags. A line answers each: Enter or "j"
 * keeps the tags, theme numbers ("2 5") replace them, "0" says no theme, "s" skips, "q" stops.
 * Every decision is a theme check (by operator, with the text, so the tagger learns it at its
 * next start); the run is audited and ends with the tagger's accuracy on all reviewed remarks.
 */
export async function runThemesReview(argv: string[], ctx: CliContext, input: NodeJS.ReadableStream, stdout: NodeJS.WritableStream): Promise<number> {
  const o = parseOptions(argv, { project: { type: 'string' }, since: { type: 'string' } });
  if (!o.project) throw new UsageError(ctx.t('cli:themesReview.usage'));
  if (!ctx.data.projects.has(o.project)) throw new UsageError(ctx.t('cli:unknownProject', { project: o.project }));
  if (o.since && Number.isNaN(Date.parse(o.since))) throw new UsageError(ctx.t('cli:export.badSince', { since: o.since }));
  const since = o.since ? new Date(o.since).toISOString() : undefined;
  const { t } = ctx;
  const project = o.project;
  const store = await ctx.store();
  const themes = ctx.data.catalogue.themes;
  const lang = ctx.config.defaultLocale;
  const say = (line: string) => stdout.write(`${line}\n`);

  const done = new Set((await store.listThemeChecks({ project, by: 'operator' })).map((c) => c.response));
  const open: ResponseRecord[] = [];
  for await (const r of store.exportResponses({ project, since })) if (r.text !== null && !r.flagged && !done.has(r.id)) open.push(r);

  say(t('cli:themesReview.intro', { count: open.length }));
  say(themes.map((th, i) => `${i + 1} ${th.label[lang]}`).join(' · '));
  say(t('cli:themesReview.keys'));
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let reviewed = 0;
  for (const [n, r] of open.entries()) {
    say('');
    say(t('cli:themesReview.remark', { n: n + 1, total: open.length, text: r.text }));
    say(t('cli:themesReview.tags', { tags: r.themes.length ? r.themes.map((id) => ctx.data.themes.get(id)?.label[lang] ?? id).join(', ') : t('cli:themesReview.noTags') }));
    let decided: ThemeId[] | 'skip' | 'quit' | undefined;
    while (decided === undefined) {
      const next = await lines.next();
      if (next.done) {
        decided = 'quit';
        break;
      }
      decided = parseDecision(next.value, r.themes, themes.map((th) => th.id));
      if (decided === undefined) say(t('cli:themesReview.again', { max: themes.length }));
    }
    if (decided === 'quit') break;
    if (decided === 'skip') continue;
    await store.saveThemeCheck({
      response: r.id,
      project,
      week: r.week,
      participant: r.participant,
      by: 'operator',
      guessed: r.themes,
      themes: decided,
      text: r.text,
      locale: r.locale,
      answeredAt: r.createdAt,
      at: new Date().toISOString(),
    });
    reviewed += 1;
  }
  if (reviewed > 0) await store.addAudit({ at: new Date().toISOString(), actor: ctx.actor, action: 'theme-review', target: project, rows: reviewed });
  const acc = reviewAccuracy(await store.listThemeChecks({ project, by: 'operator' }));
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  say('');
  say(t('cli:themesReview.done', { count: reviewed }));
  if (acc.reviewed > 0) say(t('cli:themesReview.accuracy', { count: acc.reviewed, exact: pct(acc.exact), precision: pct(acc.precision), recall: pct(acc.recall) }));
  return 0;
}

/** One answer line: the decision, or undefined when it is not one (asked again). */
function parseDecision(line: string, tags: ThemeId[], ids: ThemeId[]): ThemeId[] | 'skip' | 'quit' | undefined {
  const answer = line.trim().toLowerCase();
  if (answer === '' || answer === 'j' || answer === 'y') return [...tags];
  if (answer === 's') return 'skip';
  if (answer === 'q') return 'quit';
  if (answer === '0') return [];
  const picked: ThemeId[] = [];
  for (const part of answer.split(/[\s,]+/)) {
    const n = Number(part);
    if (!Number.isInteger(n) || n < 1 || n > ids.length) return undefined;
    if (!picked.includes(ids[n - 1]!)) picked.push(ids[n - 1]!);
  }
  return ids.filter((id) => picked.includes(id));
}
