import { renderDigestCard } from '../cards/digestCard';
import { digestToJson } from '../cards/digestJson';
import { renderDigestMarkdown } from '../cards/digestMarkdown';
import type { ConfigData } from '../core/configData';
import { computeDigest } from '../core/digest';
import { isValidWeek, lastCompletedWeek } from '../core/isoWeek';
import type { Locale } from '../core/types';
import { translatorFor } from '../locales';
import type { Store } from '../storage/port';
import { UsageError } from './args';

export type DigestFormatName = 'markdown' | 'json' | 'card';

/**
 * `npx hoormij digest --project P [--week 2026-W47] [--format markdown|json|card]`: the
 * digest of one project-week; the default week is the last completed one in the project's
 * time zone. The same minimum group size applies as in Teams.
 */
export async function runDigest(
  args: { project: string; week?: string; format: DigestFormatName; lang: Locale },
  deps: { store: Store; data: ConfigData; k: number; now: Date },
  out: NodeJS.WritableStream,
): Promise<number> {
  const t = translatorFor(args.lang);
  const project = deps.data.projects.get(args.project);
  if (!project) {
    throw new UsageError(t('digest:cli.unknownProject', { project: args.project, projects: [...deps.data.projects.keys()].join(', ') }));
  }
  if (args.week !== undefined && !isValidWeek(args.week)) throw new UsageError(t('digest:cli.badWeek', { week: args.week }));
  if (!['markdown', 'json', 'card'].includes(args.format)) throw new UsageError(t('digest:cli.badFormat'));
  const week = args.week ?? lastCompletedWeek(deps.now, project.timeZone);
  const digest = await computeDigest(deps.store, deps.data, project.id, week, { k: deps.k, now: deps.now });
  const text =
    args.format === 'markdown'
      ? renderDigestMarkdown(digest, t)
      : `${JSON.stringify(args.format === 'json' ? digestToJson(digest) : renderDigestCard(digest, t), null, 2)}\n`;
  out.write(text);
  return 0;
}
