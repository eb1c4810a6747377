import { startRetentionJob } from '../../bot/retentionJob';
import { createTestContext, START, type TestContext } from '../helpers/testContext';
import { makeResponse } from '../storage/storeContract';

const DAY = 86_400_000;
const daysBefore = (days: number) => new Date(START.getTime() - days * DAY).toISOString();

describe('the daily retention job', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext({ RETENTION_DAYS: '90' });
  });
  afterEach(async () => {
    await ctx.close();
  });

  it('removes text older than RETENTION_DAYS and channel bookkeeping older than 30 days, keeps the rest, and audits the text purge', async () => {
    const { store } = ctx.app;
    const old = makeResponse({ text: 'oud verhaal', score: null, createdAt: daysBefore(91) });
    const recent = makeResponse({ participant: old.participant, text: 'recent verhaal', score: null, createdAt: daysBefore(89) });
    await store.addResponses([old, recent]);
    await store.markMessageSeen('whatsapp', 'old', daysBefore(31));
    await store.markMessageSeen('whatsapp', 'recent', daysBefore(29));

    const job = startRetentionJob(ctx.app);
    try {
      await job.started;
      expect(await job.runOnce()).toBe(0); // the run at start-up already did it
      const texts = Object.fromEntries((await store.listResponsesOfParticipant(old.participant)).map((r) => [r.id, r.text]));
      expect(texts).toEqual({ [old.id]: null, [recent.id]: 'recent verhaal' });
      expect(await store.markMessageSeen('whatsapp', 'old', START.toISOString())).toBe(true);
      expect(await store.markMessageSeen('whatsapp', 'recent', START.toISOString())).toBe(false);
      expect((await store.listAudit()).filter((a) => a.action === 'retention')).toEqual([expect.objectContaining({ actor: 'system', rows: 1 })]);
    } finally {
      await job.close();
    }
  });
});
