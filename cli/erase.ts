import { parseOptions, UsageError } from './args';
import type { CliContext } from './cliContext';

/** `hoormij erase --participant P`: P is the pseudonym or the participant code (P-XXXXXXXX). */
export async function runErase(argv: string[], ctx: CliContext, stdout: NodeJS.WritableStream): Promise<number> {
  const o = parseOptions(argv, { participant: { type: 'string' } });
  if (!o.participant) throw new UsageError(ctx.t('cli:erase.usage'));
  const store = await ctx.store();
  const given = o.participant.trim();
  const participant = /^[0-9a-f]{64}$/i.test(given)
    ? await store.getParticipant(given.toLowerCase())
    : await store.findParticipantByCode(given);
  const id = participant?.id ?? (/^[0-9a-f]{64}$/i.test(given) ? given.toLowerCase() : undefined);
  if (!id) {
    stdout.write(`${ctx.t('cli:erase.notFound', { participant: given })}\n`);
    return 1;
  }
  const optedOut = participant?.optedOut ?? false;
  const result = await store.eraseParticipant(id);
  if (optedOut) await store.setDoNotContact(id, true);
  const rows = result.responses + result.themeChecks + result.updateViews + result.contacts + result.botState + (result.participant ? 1 : 0);
  await store.addAudit({ at: new Date().toISOString(), actor: ctx.actor, action: 'erase', target: id, rows });
  stdout.write(`${ctx.t('cli:erase.done', { responses: result.responses, rows })}\n`);
  return 0;
}
