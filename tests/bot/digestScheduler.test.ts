import type { RunningApp } from '../../bot/app';
import { DIGEST_CLAIM_LEASE_MS, dueDigest, dueWeek, startDigestScheduler, type DigestScheduler, type DigestSchedulerOptions } from '../../bot/digestScheduler';
import { backoffDelay, statusOf } from '../../bot/digestDelivery';
import { ManualClock } from '../../core/clock';
import { startTestApp } from '../helpers/botHttp';
import { TeamsConnector } from '../helpers/teamsConnector';

const amsterdam = { digestCron: '0 8 * * 1', timeZone: 'Europe/Amsterdam' };

describe('dueWeek', () => {
  it('is the week before last until Monday 08:00 in the project time zone, then last week', () => {
    // Monday 9 March 2026: 07:59 and 08:00 in Amsterdam (UTC+1)
    expect(dueWeek(amsterdam, new Date('2026-03-09T06:59:00Z'))).toBe('2026-W09');
    expect(dueWeek(amsterdam, new Date('2026-03-09T07:00:00Z'))).toBe('2026-W10');
  });

  it('still finds last week when the server comes back on Wednesday', () => {
    const due = dueDigest(amsterdam, new Date('2026-03-11T15:00:00Z'));
    expect(due.week).toBe('2026-W10');
    expect(due.at.toISOString()).toBe('2026-03-09T07:00:00.000Z');
  });

  it('follows the project time zone across daylight saving time and a custom schedule', () => {
    // summer time: Monday 08:00 in Brussels is 06:00 UTC
    const brussels = { digestCron: '0 8 * * 1', timeZone: 'Europe/Brussels' };
    expect(dueWeek(brussels, new Date('2026-06-08T05:59:00Z'))).toBe('2026-W22');
    expect(dueWeek(brussels, new Date('2026-06-08T06:00:00Z'))).toBe('2026-W23');
    // Tuesday 14:30
    const tuesday = { digestCron: '30 14 * * 2', timeZone: 'Europe/Amsterdam' };
    expect(dueWeek(tuesday, new Date('2026-03-10T13:29:00Z'))).toBe('2026-W09');
    expect(dueWeek(tuesday, new Date('2026-03-10T13:30:00Z'))).toBe('2026-W10');
  });
});

describe('delivery retries', () => {
  it('backs off exponentially with jitter, capped', () => {
    const o = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect(backoffDelay(0, o, () => 0)).toBe(500);
    expect(backoffDelay(0, o, () => 1)).toBe(1000);
    expect(backoffDelay(2, o, () => 1)).toBe(4000);
    expect(backoffDelay(6, o, () => 1)).toBe(5000);
  });

  it('reads the HTTP status of a connector error in its several shapes', () => {
    expect(statusOf({ statusCode: 429 })).toBe(429);
    expect(statusOf({ response: { status: 403 } })).toBe(403);
    expect(statusOf(new Error('ECONNREFUSED'))).toBeUndefined();
  });
});

describe('a digest claim whose owner crashed before sending', () => {
  const MINUTE = 60_000;
  const FAST = { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 };
  /** Monday 9 March 2026, 08:05 in Amsterdam: the digest of 2026-W10 is due. */
  const clock = new ManualClock(new Date('2026-03-09T07:05:00Z'));
  const connector = new TeamsConnector();
  const schedulers: DigestScheduler[] = [];
  let app: RunningApp;

  const scheduler = (instanceId: string, options: DigestSchedulerOptions = {}) => {
    const s = startDigestScheduler(app.app, app.runtime, { instanceId, retry: FAST, ...options });
    schedulers.push(s);
    return s;
  };
  const demoRun = async (runs: Promise<{ project: string; status: string; week: string }[]>) =>
    (await runs).find((r) => r.project === 'demo');
  const digestsFor = (week: string) => connector.to('conv-lead').filter((a) => JSON.stringify(a).includes(week));
  const crash = (week: string) => app.app.store.claimDigest('demo', week, 'crashed-instance', clock.now().toISOString());

  async function until(what: string, ok: () => boolean): Promise<void> {
    for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
    if (!ok()) throw new Error(`gave up waiting: ${what}`);
  }

  beforeAll(async () => {
    await connector.start();
    app = await startTestApp({}, { clock });
    await app.app.store.saveSubscription({
      project: 'demo',
      lead: 'a'.repeat(64),
      ref: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: 'conv-lead', conversationType: 'personal', tenantId: 'tenant-1' },
        bot: { id: '28:hoormij', name: 'HoorMij' },
        user: { id: '29:lead' },
      },
      locale: 'nl',
      createdAt: '2026-03-01T10:00:00.000Z',
    });
  });
  afterAll(async () => {
    for (const s of schedulers) await s.close();
    await app.close();
    await connector.stop();
  });

  it('is left alone during its lease, then sent exactly once by restarted servers', async () => {
    expect(await crash('2026-W10')).toBe(true);

    clock.advance(5 * MINUTE);
    const early = scheduler('restart-early');
    expect(await demoRun(early.started)).toMatchObject({ week: '2026-W10', status: 'claimed-elsewhere' });
    await early.close();
    expect(digestsFor('2026-W10')).toHaveLength(0);

    clock.advance(DIGEST_CLAIM_LEASE_MS);
    const [a, b] = [scheduler('restart-a'), scheduler('restart-b')];
    const runs = await Promise.all([demoRun(a.started), demoRun(b.started)]);
    expect(runs.map((r) => r?.status).sort()).toEqual(['claimed-elsewhere', 'sent']);
    expect(digestsFor('2026-W10')).toHaveLength(1);
    const claim = await app.app.store.getDigestClaim('demo', '2026-W10');
    expect(claim?.owner).toBe(runs[0]?.status === 'sent' ? 'restart-a' : 'restart-b');
    expect(claim?.sentAt).not.toBeNull();

    // sent is final: a restart days later sends nothing again
    clock.advance(2 * 24 * 60 * MINUTE);
    expect(await demoRun(scheduler('restart-later').started)).toMatchObject({ week: '2026-W10', status: 'claimed-elsewhere' });
    expect(digestsFor('2026-W10')).toHaveLength(1);
  });

  it('is taken over by a running instance that looks again when the lease runs out', async () => {
    clock.set(new Date('2026-03-16T07:05:00Z')); // Monday 08:05: 2026-W11 is due
    expect(await crash('2026-W11')).toBe(true);
    const watcher = scheduler('watcher', { claimLeaseMs: 200 });
    expect(await demoRun(watcher.started)).toMatchObject({ week: '2026-W11', status: 'claimed-elsewhere' });
    expect(digestsFor('2026-W11')).toHaveLength(0);

    // nobody calls tick: the watcher's own look-again finds the lease over
    clock.advance(MINUTE);
    await until('the watcher sends 2026-W11', () => digestsFor('2026-W11').length === 1);
    // a tick waits for the run in progress, then finds the week sent
    expect(await demoRun(watcher.tick())).toMatchObject({ week: '2026-W11', status: 'claimed-elsewhere' });
    expect(await app.app.store.getDigestClaim('demo', '2026-W11')).toMatchObject({ owner: 'watcher', sentAt: expect.any(String) });
    expect(digestsFor('2026-W11')).toHaveLength(1);
  });
});
