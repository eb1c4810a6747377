import type { Activity } from 'botbuilder';
import { createBot, createTestContext, testUser } from '../helpers/testContext';

function show(replies: Partial<Activity>[]): string {
  return replies.map((r) => {
    let s = r.text ? `BOT: ${r.text}` : 'BOT: (no text)';
    for (const a of r.attachments ?? []) s += `\n  [${a.contentType}] ${JSON.stringify(a.content).slice(0, 400)}`;
    const acts = (r.suggestedActions?.actions ?? []).map((a) => `[${a.title}]`).join(' ');
    if (acts) s += `\n     ${acts}`;
    return s;
  }).join('\n');
}

const SCRIPTS: Record<string, (string | Partial<Activity>)[]> = JSON.parse(process.env.HM_SCRIPT ?? '{}');

it('prints', async () => {
  const ctx = await createTestContext();
  await ctx.app.store.addSessionCodes([{ code: 'K7PX4M', project: 'vlaanderen-demo', team: 'leefgroep-1', createdAt: ctx.clock.now().toISOString(), expiresAt: new Date(ctx.clock.now().getTime() + 9e8).toISOString() }]);
  const bot = createBot(ctx);
  let out = '';
  for (const [name, steps] of Object.entries(SCRIPTS)) {
    const [locale, channelId] = name.split('/');
    const user = testUser(bot, { locale, user: name, channelId });
    out += `\n===== ${name}\n`;
    for (const s of steps) {
      out += typeof s === 'string' ? `\nUSER: ${s}\n` : `\nUSER(${s.type} ${s.name ?? ''} ${JSON.stringify(s.value ?? s.membersAdded ?? '')})\n`;
      out += show(await user.say(s)) + '\n';
    }
  }
  require('fs').writeFileSync(process.env.HM_OUT ?? '/tmp/hm/out.txt', out);
  await ctx.close();
});
