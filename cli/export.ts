import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseOptions, UsageError } from './args';
import type { CliContext } from './cliContext';
import { CSV_BOM, csvHeader, toCsvLine, toJsonLine } from './exportFormat';

/** `hoormij export [--project P] [--since DATE] [--format jsonl|csv] [--out FILE]` */
export async function runExport(argv: string[], ctx: CliContext, stdout: NodeJS.WritableStream): Promise<number> {
  const o = parseOptions(argv, {
    project: { type: 'string' },
    since: { type: 'string' },
    format: { type: 'string', default: 'jsonl' },
    out: { type: 'string' },
  });
  if (o.format !== 'jsonl' && o.format !== 'csv') throw new UsageError(ctx.t('cli:export.badFormat'));
  if (o.project && !ctx.data.projects.has(o.project)) throw new UsageError(ctx.t('cli:unknownProject', { project: o.project }));
  if (o.since && Number.isNaN(Date.parse(o.since))) throw new UsageError(ctx.t('cli:export.badSince', { since: o.since }));
  const since = o.since ? new Date(o.since).toISOString() : undefined;

  const store = await ctx.store();
  const out = o.out ? createWriteStream(o.out, { encoding: 'utf8' }) : stdout;
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  if (o.format === 'csv') await write(CSV_BOM + csvHeader());
  let rows = 0;
  for await (const r of store.exportResponses({ project: o.project, since })) {
    await write(o.format === 'csv' ? toCsvLine(r) : toJsonLine(r));
    rows++;
  }
  if (o.out) {
    (out as NodeJS.WritableStream).end();
    await once(out, 'finish');
  }
  await store.addAudit({ at: new Date().toISOString(), actor: ctx.actor, action: 'export', target: o.project ?? '*', rows });
  return 0;
}
