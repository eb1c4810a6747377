import { sessionCodeCard } from '../cards/sessionCodeMessage';
import { newSessionCodes } from '../core/sessionCodes';
import { LOCALES, type Locale } from '../core/types';
import { translatorFor } from '../locales';
import { linkWarning } from '../cards/sessionCodeCard';
import { linkProblem, sessionLink } from '../core/sessionLink';
import { parseOptions, positiveInt, UsageError } from './args';
import type { CliContext } from './cliContext';

/**
 * `hoormij code --project P [--team T] [--valid-days N] [--count N] [--card [--lang L] [--base-url URL]]`:
 * one code per line, or with --card the Adaptive Card a professional gets in Teams, as JSON to
 * paste into a Teams chat or an e-mail tool.
 */
export async function runCode(argv: string[], ctx: CliContext, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream = stdout): Promise<number> {
  const o = parseOptions(argv, {
    project: { type: 'string' },
    team: { type: 'string' },
    'valid-days': { type: 'string' },
    count: { type: 'string' },
    card: { type: 'boolean', default: false },
    lang: { type: 'string', default: ctx.config.defaultLocale },
    'base-url': { type: 'string' },
  });
  if (!o.project) throw new UsageError(ctx.t('cli:code.usage'));
  const project = ctx.data.projects.get(o.project);
  if (!project) throw new UsageError(ctx.t('cli:unknownProject', { project: o.project }));
  if (o.team && !project.teams.includes(o.team)) {
    throw new UsageError(ctx.t('cli:code.unknownTeam', { team: o.team, project: project.id, teams: project.teams.join(', ') || '-' }));
  }
  if (!(LOCALES as readonly string[]).includes(o.lang)) throw new UsageError(ctx.t('cli:badLang'));
  const count = positiveInt(o.count, 'count', 1, 10_000);
  if (o.card && count > 1) throw new UsageError(ctx.t('cli:code.cardCount'));
  const codes = newSessionCodes({
    project: project.id,
    team: o.team ?? null,
    validDays: positiveInt(o['valid-days'], 'valid-days', project.sessionCodeValidDays, 365),
    count,
    now: ctx.now,
  });
  const store = await ctx.store();
  await store.addSessionCodes(codes);
  if (!o.card) {
    stdout.write(codes.map((c) => `${c.code}\n`).join(''));
    return 0;
  }
  const locale = o.lang as Locale;
  const t = translatorFor(locale);
  const base = { url: o['base-url'] ?? ctx.config.publicBaseUrl, configured: o['base-url'] !== undefined || ctx.config.publicBaseUrlSet };
  // The card carries the warning too; stderr says it where the operator is looking.
  const warning = linkWarning(t, linkProblem(base.url, base.configured), sessionLink(base.url, codes[0].code));
  if (warning) stderr.write(`${warning}\n`);
  stdout.write(`${JSON.stringify(await sessionCodeCard(codes[0], project, base, { locale, t }), null, 2)}\n`);
  return 0;
}
