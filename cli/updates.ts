import { isValidWeek, lastCompletedWeek } from '../core/isoWeek';
import { LOCALES, type Locale } from '../core/types';
import { allowedContactsOf } from '../core/updates/allowedContacts';
import { updateProblem } from '../core/updates/checkUpdate';
import { problemText } from '../core/updates/problemText';
import type { ProjectUpdate } from '../core/updates/types';
import { parseOptions, UsageError } from './args';
import type { CliContext } from './cliContext';

function line(u: ProjectUpdate): string {
  const state = u.withdrawnAt ? ' (withdrawn)' : '';
  const texts = LOCALES.filter((l) => u.text[l]).map((l) => `${l}: ${u.text[l]}`).join(' | ');
  return `${u.id}\t${u.week}\t${u.theme}${state}\t${texts}`;
}

/**
 * `npx hoormij updates list|add|withdraw --project P`: what operators do with the updates leads
 * write in Teams. `add` runs the same check for personal data as the card in Teams.
 */
export async function runUpdates(argv: string[], ctx: CliContext, stdout: NodeJS.WritableStream): Promise<number> {
  const [action, ...rest] = argv;
  const o = parseOptions(rest, {
    project: { type: 'string' },
    theme: { type: 'string' },
    text: { type: 'string' },
    'text-en': { type: 'string' },
    'text-nl': { type: 'string' },
    week: { type: 'string' },
    id: { type: 'string' },
  });
  if (!o.project || !['list', 'add', 'withdraw'].includes(action ?? '')) throw new UsageError(ctx.t('cli:updates.usage'));
  const project = ctx.data.projects.get(o.project);
  if (!project) throw new UsageError(ctx.t('cli:unknownProject', { project: o.project }));
  const store = await ctx.store();

  if (action === 'list') {
    const all = await store.listUpdates(project.id);
    if (all.length === 0) stdout.write(`${ctx.t('cli:updates.none', { project: project.id })}\n`);
    for (const u of all) stdout.write(`${line(u)}\n`);
    return 0;
  }

  if (action === 'withdraw') {
    if (!o.id) throw new UsageError(ctx.t('cli:updates.usage'));
    const u = await store.getUpdate(project.id, o.id);
    if (!u || u.withdrawnAt) {
      stdout.write(`${ctx.t('digest:update.notFound', { id: o.id })}\n`);
      return 1;
    }
    await store.reviseUpdate({ ...u, withdrawnAt: ctx.now.toISOString() });
    stdout.write(`${ctx.t('digest:update.withdrawn', { id: u.id })}\n`);
    return 0;
  }

  if (!o.theme || !ctx.data.themes.has(o.theme)) throw new UsageError(ctx.t('cli:updates.badTheme', { themes: [...ctx.data.themes.keys()].join(', ') }));
  if (o.week && !isValidWeek(o.week)) throw new UsageError(ctx.t('cli:digest.badWeek', { week: o.week }));
  const own: Locale = ctx.config.defaultLocale;
  const texts: Partial<Record<Locale, string>> = {};
  const given: Record<Locale, string | undefined> = { nl: o['text-nl'], en: o['text-en'] };
  given[own] ??= o.text;
  for (const l of LOCALES) if (given[l]?.trim()) texts[l] = given[l]!.trim();
  const problem = updateProblem(Object.values(texts), allowedContactsOf(project, ctx.data.organisation));
  if (problem) {
    stdout.write(`${problemText(ctx.t, problem)}\n`);
    return 1;
  }
  const saved = await store.addUpdate({
    project: project.id,
    theme: o.theme,
    week: o.week ?? lastCompletedWeek(ctx.now, project.timeZone),
    text: texts,
    author: ctx.actor,
    createdAt: ctx.now.toISOString(),
  });
  stdout.write(`${ctx.t('cli:updates.added', { id: saved.id, project: project.id })}\n`);
  return 0;
}
