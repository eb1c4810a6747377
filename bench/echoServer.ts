import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage } from 'botbuilder';

/**
 * The baseline: a bare botbuilder echo bot with MemoryStorage on the same restify set-up, so
 * the benchmark measures what HoorMij adds (dialogs, SQLite, scrubbing, tagging).
 */
async function main(): Promise<void> {
  // The same unauthenticated set-up HoorMij uses without MicrosoftAppId.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const state = new ConversationState(new MemoryStorage());
  const turns = state.createProperty<number>('turns');
  const bot = new ActivityHandler();
  bot.onMessage(async (ctx, next) => {
    const n = (await turns.get(ctx, 0)) + 1;
    await turns.set(ctx, n);
    await ctx.sendActivity(`echo ${n}: ${ctx.activity.text ?? ''}`);
    await next();
  });
  bot.onDialog(async (ctx, next) => {
    await state.saveChanges(ctx);
    await next();
  });
  const server = restify.createServer();
  server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  });
}

void main();
