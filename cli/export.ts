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
  const filter = { project: o.project, since };
  // The audit record comes first: if it cannot be written (a full disk), no row leaves the store.
  // Counting takes a pass of its own; rows added meanwhile are left for the next export, so the
  // audit says exactly how many rows this export hands out.
  let rows = 0;
  for await (const _ of store.exportResponses(filter)) rows++;
  await store.addAudit({ at: new Date().toISOString(), actor: ctx.actor, action: 'export', target: o.project ?? '*', rows });

  const out = o.out ? createWriteStream(o.out, { encoding: 'utf8' }) : stdout;
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  if (o.format === 'csv') await write(CSV_BOM + csvHeader());
  let written = 0;
  for await (const r of store.exportResponses(filter)) {
    if (written === rows) break;
    await write(o.format === 'csv' ? toCsvLine(r) : toJsonLine(r));
    written++;
  }
  if (o.out) {
    (out as NodeJS.WritableStream).end();
    await once(out, 'finish');
  }
  return 0;
}
