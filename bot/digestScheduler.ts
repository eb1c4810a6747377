import { randomUUID } from 'node:crypto';
import { MessageFactory, type Activity } from 'botbuilder';
import { Cron } from 'croner';
import { digestActivity } from '../cards/digestActivity';
import { computeDigest } from '../core/digest';
import { stillListed } from '../core/digest/leadKey';
import type { Digest } from '../core/digest/types';
import { lastCompletedWeek } from '../core/isoWeek';
import type { Project } from '../core/projects';
import type { DigestSubscription, Locale } from '../core/types';
import type { AppContext, BotRuntime, Closable } from './appContext';
import { DEFAULT_RETRY, deliverProactive, type RetryOptions } from './digestDelivery';

export interface DigestRun {
  project: string;
  week: string;
  status: 'no-subscribers' | 'claimed-elsewhere' | 'sent' | 'error';
  sent: number;
  removed: number;
  failed: number;
}

export interface DigestScheduler extends Closable {
  /**
   * Sends every project's due digest that nobody else holds a live claim on (unsent claims expire
   * after the lease); croner calls it, tests may too.
   */
  tick(): Promise<DigestRun[]>;
  /** The first tick, started at once so a week missed while the server was down goes out. */
  readonly started: Promise<DigestRun[]>;
}

export interface DigestSchedulerOptions {
  /** Who claims a digest (one per process); default: a random id. */
  instanceId?: string;
  retry?: RetryOptions;
  /**
   * How long a claim that was not marked sent protects its owner; after that another instance
   * (or this one after a restart) takes the week over. Must outlast the slowest send.
   */
  claimLeaseMs?: number;
}

/**
 * A digest run takes seconds; with every delivery retry to a few leads, a few minutes at worst.
 * Fifteen minutes is well beyond that, and short enough that a crash delays a digest only briefly.
 */
export const DIGEST_CLAIM_LEASE_MS = 15 * 60_000;
/** Look again a little after a lease runs out, so another instance's slightly fast clock does not make us early. */
const RECHECK_MARGIN_MS = 1000;

/** The most recent scheduled moment at or before `now`, searched over the last eight days. */
export function lastScheduledAt(pattern: string, timeZone: string, now: Date): Date | undefined {
  const cron = new Cron(pattern, { timezone: timeZone, paused: true });
  try {
    let cursor = new Date(now.getTime() - 8 * 86_400_000);
    let last: Date | undefined;
    // a weekly pattern needs one or two steps; the cap keeps a per-minute pattern affordable
    for (let i = 0; i < 20_000; i++) {
      const next = cron.nextRun(cursor);
      if (!next || next.getTime() > now.getTime()) break;
      last = next;
      cursor = next;
    }
    return last;
  } finally {
    cron.stop();
  }
}

/**
 * The week whose digest is due at `now`: the last week that was complete at the most recent
 * scheduled moment (`at`). Monday 08:00 sends last week; a restart on Wednesday still finds it.
 */
export function dueDigest(project: Pick<Project, 'digestCron' | 'timeZone'>, now: Date): { week: string; at: Date } {
  const at = lastScheduledAt(project.digestCron, project.timeZone, now) ?? now;
  return { week: lastCompletedWeek(at, project.timeZone), at };
}

export function dueWeek(project: Pick<Project, 'digestCron' | 'timeZone'>, now: Date): string {
  return dueDigest(project, now).week;
}

/**
 * One croner job per project (digestCron in the project's time zone). Each (project, week)
 * is claimed in the store before anything is sent, so restarts, retries and other instances
 * never send it twice. A claim whose owner crashed before marking it sent is taken over once its
 * lease has run out: by this instance at start-up, or by one that saw the claim and looks again
 * when the lease ends. Time comes from app.clock.
 */
export function startDigestScheduler(app: AppContext, runtime: BotRuntime, options: DigestSchedulerOptions = {}): DigestScheduler {
  const instanceId = options.instanceId ?? `digest-${randomUUID()}`;
  const retry = options.retry ?? DEFAULT_RETRY;
  const leaseMs = options.claimLeaseMs ?? DIGEST_CLAIM_LEASE_MS;
  const log = app.logger.child({ job: 'digest' });
  let closed = false;
  let running: Promise<DigestRun[]> | undefined;
  const rechecks = new Map<string, NodeJS.Timeout>();

  /** Another owner holds an unsent claim: tick again when its lease runs out, in case it crashed. */
  const recheckWhenLeaseEnds = (project: string, claimedAt: string, now: Date) => {
    if (closed || rechecks.has(project)) return;
    const remaining = Math.max(0, Date.parse(claimedAt) + leaseMs - now.getTime());
    const timer = setTimeout(() => {
      rechecks.delete(project);
      if (!closed) void tick();
    }, remaining + RECHECK_MARGIN_MS);
    timer.unref();
    rechecks.set(project, timer);
  };

  /**
   * Whoever was taken off the project's leads in config gets no more digests of it: the
   * subscription ends and they are told why, once (this instance holds the week's claim).
   */
  const endSubscriptionOfFormerLead = async (p: Project, s: DigestSubscription): Promise<void> => {
    await app.store.deleteSubscription(s.project, s.lead);
    const t = app.translatorFor(s.locale);
    const notice = MessageFactory.text(t('digest:commands.noLongerLead', { project: p.name[s.locale] }));
    const result = await deliverProactive(runtime.adapter, app.config.bot.appId ?? '', s.ref, notice, retry);
    log.info({ project: p.id, lead: s.lead.slice(0, 12), told: result.outcome === 'sent' }, 'digest subscription ended: no longer a lead of the project');
  };

  const runProject = async (p: Project): Promise<DigestRun | undefined> => {
    const now = app.clock.now();
    const { week, at: dueAt } = dueDigest(p, now);
    const run: DigestRun = { project: p.id, week, status: 'no-subscribers', sent: 0, removed: 0, failed: 0 };
    // Only who had subscribed when the digest was due: a lead who subscribes on Thursday does not
    // get last week's digest as "missed" at the next restart (`digest nu` shows it at once).
    // Without such subscribers nothing is claimed.
    const subs = (await app.store.listSubscriptions(p.id)).filter((s) => Date.parse(s.createdAt) <= dueAt.getTime());
    if (subs.length === 0) return run;
    if (!(await app.store.claimDigest(p.id, week, instanceId, now.toISOString(), leaseMs))) {
      const claim = await app.store.getDigestClaim(p.id, week);
      if (claim && claim.sentAt === null) recheckWhenLeaseEnds(p.id, claim.claimedAt, now);
      return { ...run, status: 'claimed-elsewhere' };
    }

    let digest: Digest | undefined;
    const activities = new Map<Locale, Partial<Activity>>();
    for (const s of subs) {
      if (s.leadKey !== undefined && !stillListed(app.secrets.pseudonymSecret, p.leads, s.leadKey)) {
        await endSubscriptionOfFormerLead(p, s);
        run.removed++;
        continue;
      }
      digest ??= await computeDigest(app.store, app.data, p.id, week, { k: app.config.kAnonymity, now });
      let activity = activities.get(s.locale);
      if (!activity) activities.set(s.locale, (activity = digestActivity(digest, app.translatorFor(s.locale))));
      const result = await deliverProactive(runtime.adapter, app.config.bot.appId ?? '', s.ref, activity, retry);
      if (result.outcome === 'sent') run.sent++;
      else if (result.outcome === 'gone') {
        await app.store.deleteSubscription(s.project, s.lead);
        run.removed++;
        log.warn({ project: p.id, lead: s.lead.slice(0, 12), status: result.status }, 'digest subscription ended: app removed or conversation gone');
      } else {
        run.failed++;
        log.error({ project: p.id, week, lead: s.lead.slice(0, 12), status: result.status, attempts: result.attempts }, 'digest not delivered');
      }
    }
    const at = app.clock.now().toISOString();
    await app.store.markDigestSent(p.id, week, at);
    await app.store.addAudit({ at, actor: 'system', action: 'digest-sent', target: `${p.id}/${week}`, rows: run.sent });
    log.info({ project: p.id, week, sent: run.sent, removed: run.removed, failed: run.failed }, 'digest sent');
    return { ...run, status: 'sent' };
  };

  const runAll = async (): Promise<DigestRun[]> => {
    const runs: DigestRun[] = [];
    for (const p of app.data.projects.values()) {
      if (closed) break;
      try {
        const r = await runProject(p);
        if (r) runs.push(r);
      } catch (err) {
        log.error({ err: { name: (err as Error).name, message: (err as Error).message }, project: p.id }, 'digest run failed');
        runs.push({ project: p.id, week: dueWeek(p, app.clock.now()), status: 'error', sent: 0, removed: 0, failed: 0 });
      }
    }
    return runs;
  };

  // one run at a time per instance: a cron tick during a slow start-up run waits for it
  const tick = (): Promise<DigestRun[]> => {
    const previous = running ?? Promise.resolve([]);
    const next = previous.catch(() => []).then(runAll);
    running = next;
    return next;
  };

  const jobs = [...app.data.projects.values()].map(
    (p) => new Cron(p.digestCron, { timezone: p.timeZone, protect: true }, () => void tick()),
  );
  const started = tick();

  return {
    tick,
    started,
    close: async () => {
      closed = true;
      for (const j of jobs) j.stop();
      for (const t of rechecks.values()) clearTimeout(t);
      rechecks.clear();
      await running?.catch(() => undefined);
    },
  };
}
