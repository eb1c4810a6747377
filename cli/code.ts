import { newSessionCodes } from '../core/sessionCodes';
import { parseOptions, positiveInt, UsageError } from './args';
import type { CliContext } from './cliContext';

/** `hoormij code --project P [--team T] [--valid-days N] [--count N]`: one code per line. */
export async function runCode(argv: string[], ctx: CliContext, stdout: NodeJS.WritableStream): Promise<number> {
  const o = parseOptions(argv, {
    project: { type: 'string' },
    team: { type: 'string' },
    'valid-days': { type: 'string' },
    count: { type: 'string' },
  });
  if (!o.project) throw new UsageError(ctx.t('cli:code.usage'));
  const project = ctx.data.projects.get(o.project);
  if (!project) throw new UsageError(ctx.t('cli:unknownProject', { project: o.project }));
  if (o.team && !project.teams.includes(o.team)) {
    throw new UsageError(ctx.t('cli:code.unknownTeam', { team: o.team, project: project.id, teams: project.teams.join(', ') || '-' }));
  }
  const codes = newSessionCodes({
    project: project.id,
    team: o.team ?? null,
    validDays: positiveInt(o['valid-days'], 'valid-days', 30, 365),
    count: positiveInt(o.count, 'count', 1, 10_000),
    now: ctx.now,
  });
  const store = await ctx.store();
  await store.addSessionCodes(codes);
  stdout.write(codes.map((c) => `${c.code}\n`).join(''));
  return 0;
}
