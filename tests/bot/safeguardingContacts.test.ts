import { Writable } from 'node:stream';
import { createLogger } from '../../bot/logger';
import { saveSafeguardingContact, warnAboutSafeguardingContacts } from '../../bot/safeguardingNotifier';
import type { Project } from '../../core/projects';
import { createTestContext, START, type TestContext } from '../helpers/testContext';

/** The warnings start-up writes, as parsed log lines. */
function captureWarnings(ctx: TestContext): { project?: string; msg: string }[] {
  const lines: { project?: string; msg: string }[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  (ctx.app as { logger: unknown }).logger = createLogger('warn', sink);
  return lines;
}

describe('start-up check of the safeguarding contacts', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext();
  });
  afterEach(async () => ctx.close());

  it('warns once for each project without a configured contact', async () => {
    const warnings = captureWarnings(ctx);
    await warnAboutSafeguardingContacts(ctx.app);
    expect(warnings.map((w) => w.project)).toEqual(['demo', 'vlaanderen-demo']);
    expect(warnings.every((w) => w.msg.includes('no safeguarding contact configured'))).toBe(true);
  });

  it('warns for a configured contact that has not registered in Teams, and not once they have', async () => {
    const demo = ctx.app.data.projects.get('demo') as Project;
    demo.safeguardingContact = { aadObjectId: '11111111-aaaa-4bbb-8ccc-000000000001' };
    const warnings = captureWarnings(ctx);
    await warnAboutSafeguardingContacts(ctx.app);
    expect(warnings.find((w) => w.project === 'demo')?.msg).toMatch(/not registered in Teams yet/);

    await saveSafeguardingContact(ctx.app.store, 'demo', {
      ref: { conversation: { id: 'conv-safe' }, serviceUrl: 'http://127.0.0.1:1', channelId: 'msteams' } as never,
      locale: 'nl',
      savedAt: START.toISOString(),
    });
    warnings.length = 0;
    await warnAboutSafeguardingContacts(ctx.app);
    expect(warnings.map((w) => w.project)).toEqual(['vlaanderen-demo']);
  });
});
