import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config';
import { dueWeek } from '../../bot/digest';
import { buildResponse } from '../../core/answers/buildResponse';
import { loadConfigData, type ConfigData } from '../../core/configData';
import { pseudonymize } from '../../core/pseudonym';
import type { ResponseRecord } from '../../core/types';
import { translatorFor } from '../../locales';
import { openCosmosStore } from '../../storage/cosmos';
import type { Store } from '../../storage/port';
import { emulatorUser, postRaw, replyText, ROOT, suggestedValues, type PostResult } from '../helpers/botHttp';
import { healthStatus, startBotProcess, waitFor, type BotProcess } from '../helpers/cosmosBotProcess';
import { isDocumentWriteTo, startCosmosTlsServer, type CosmosTlsServer } from '../helpers/cosmosTlsServer';
import { TeamsConnector } from '../helpers/teamsConnector';

/**
 * Two real bot processes (bot/index.ts, as `npm start` runs it) on one Cosmos database: the
 * in-process @zeit/cosmosdb-server on loopback, over TLS with a certificate the children trust
 * through NODE_EXTRA_CA_CERTS, so certificate checks stay on exactly as in production.
 */

jest.setTimeout(120_000);

const nl = translatorFor('nl');
const PSEUDONYM_SECRET = 'instances-share-this-pseudonym-secret';
const LEAD = '22222222-aaaa-4bbb-8ccc-000000000001';
const SCALE = ['1', '2', '3', '4', '5'];

/**
 * A digestCron that fires every two seconds, but only in the minutes from `from` for `minutes`
 * minutes (UTC). Both processes then run their scheduler at the same moments, for real, and the
 * first moment after the lead subscribed makes the digest due (a subscription only counts for
 * moments after it was made). The narrow window keeps the scheduler's look-back cheap.
 */
function windowCron(from: Date, minutes: number): string {
  const fields = { m: new Set<number>(), h: new Set<number>(), d: new Set<number>(), mo: new Set<number>() };
  for (let i = 0; i <= minutes; i++) {
    const t = new Date(from.getTime() + i * 60_000);
    fields.m.add(t.getUTCMinutes());
    fields.h.add(t.getUTCHours());
    fields.d.add(t.getUTCDate());
    fields.mo.add(t.getUTCMonth() + 1);
  }
  const list = (s: Set<number>) => [...s].join(',');
  return `*/2 ${list(fields.m)} ${list(fields.h)} ${list(fields.d)} ${list(fields.mo)} *`;
}

const WINDOW_MINUTES = 5;

/** Waits out the rare start within a few minutes of Monday 00:00 UTC, so the due week stays put. */
async function awayFromWeekBoundary(): Promise<void> {
  const now = new Date();
  const nextMonday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((8 - (now.getUTCDay() || 7)) % 7 || 7)));
  const left = nextMonday.getTime() - now.getTime();
  if (left < (WINDOW_MINUTES + 1) * 60_000) await new Promise((r) => setTimeout(r, left + 2_000));
}

function testConfigDir(cron: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoormij-config-'));
  for (const f of ['themes.json', 'question-sets.json', 'organisation.json']) copyFileSync(join(ROOT, 'config', f), join(dir, f));
  const projects = JSON.parse(readFileSync(join(ROOT, 'config', 'projects.json'), 'utf8')) as {
    projects: { id: string; leads: unknown[]; timeZone: string; digestCron: string; safeguardingContact?: unknown }[];
  };
  const demo = projects.projects.find((p) => p.id === 'demo')!;
  demo.leads = [{ aadObjectId: LEAD }];
  // UTC, so that the window above is plain UTC arithmetic.
  demo.timeZone = 'UTC';
  demo.digestCron = cron;
  writeFileSync(join(dir, 'projects.json'), JSON.stringify(projects));
  return dir;
}

/** Six young people's session checks in the due week: enough for every theme to pass K = 5. */
function seedAnswers(data: ConfigData, week: string): ResponseRecord[] {
  const project = data.projects.get('demo')!;
  const set = data.questionSets.get(project.questionSets.youth)!;
  const [y, w] = week.split('-W').map(Number);
  // Wednesday of that ISO week, 10:00 UTC
  const jan4 = Date.UTC(y, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * 86_400_000 + (w - 1) * 7 * 86_400_000;
  const rows: ResponseRecord[] = [];
  for (let i = 0; i < 6; i++) {
    const run = {
      runId: randomUUID(),
      project: 'demo',
      team: project.teams[i % project.teams.length] ?? null,
      timeZone: project.timeZone,
      questionSet: set.id,
      participant: pseudonymize(PSEUDONYM_SECRET, 'emulator', `seeded-${i}`),
      role: 'youth' as const,
      channel: 'emulator',
      locale: 'nl' as const,
    };
    for (const q of set.questions) {
      if (q.type !== 'scale') continue;
      rows.push(buildResponse(run, q, { kind: 'score', score: 2 + (i % 4) }, new Date(monday + 2 * 86_400_000 + 10 * 3_600_000 + i * 60_000)));
    }
  }
  return rows;
}

describe('two bot processes on one Cosmos database', () => {
  const connector = new TeamsConnector();
  let cosmos: CosmosTlsServer;
  let store: Store;
  let data: ConfigData;
  let configDir: string;
  let env: Record<string, string>;
  let a: BotProcess;
  let b: BotProcess;
  let week: string;
  const tempDirs: string[] = [];
  const thirdQuestion = () => {
    const set = data.questionSets.get('session-check')!;
    return nl('questions:numbered', { n: 3, total: set.questions.length, text: set.questions[2].text.nl });
  };
  const dataDir = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), `hoormij-${name}-`));
    tempDirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    await awayFromWeekBoundary();
    cosmos = await startCosmosTlsServer();
    await connector.start();
    connector.addMember({ id: '29:lead', aadObjectId: LEAD });
    configDir = testConfigDir(windowCron(new Date(), WINDOW_MINUTES));
    tempDirs.push(configDir);
    data = loadConfigData(configDir);
    env = {
      STORAGE: 'cosmos',
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: 'local-test-key',
      COSMOS_DATABASE: 'hoormij-instances',
      PSEUDONYM_SECRET,
      CONTACT_KEY: 'ef'.repeat(32),
      CONFIG_DIR: configDir,
      NODE_EXTRA_CA_CERTS: cosmos.caFile,
    };
    // The test's own store creates the containers and seeds last week's answers before either
    // instance starts; it trusts the certificate the same way (verification on).
    store = await openCosmosStore(loadConfig(env), { agent: cosmos.agent });
    week = dueWeek(data.projects.get('demo')!, new Date());
    expect(await store.addResponses(seedAnswers(data, week))).toBe(24);

    [a, b] = await Promise.all([
      startBotProcess('instance A', { ...env, DATA_DIR: dataDir('a') }),
      startBotProcess('instance B', { ...env, DATA_DIR: dataDir('b') }),
    ]);
    // Near Monday 00:00 UTC the start waits for the new week; see awayFromWeekBoundary.
  }, (WINDOW_MINUTES + 4) * 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await store?.close();
    await cosmos?.close();
    await connector.stop();
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start against a Cosmos endpoint whose certificate it cannot verify', async () => {
    const untrusting: Record<string, string> = { ...env, DATA_DIR: dataDir('c') };
    delete untrusting.NODE_EXTRA_CA_CERTS;
    await expect(startBotProcess('instance without the certificate', untrusting)).rejects.toThrow(/SELF_SIGNED_CERT|certificate/);
  });

  it('answers two conversations of the same participant on different instances without losing an answer', async () => {
    const onA = emulatorUser(a.url, 'shared-participant', 'nl-NL', 'conversation-on-a');
    const onB = emulatorUser(b.url, 'shared-participant', 'nl-NL', 'conversation-on-b');
    const scoresA = ['4', '5', '3', '4'];
    const scoresB = ['2', '3', '1', '5'];

    for (const text of ['hallo', 'ja']) {
      for (const user of [onA, onB]) expect((await user.send(text)).status).toBe(200);
    }
    for (const user of [onA, onB]) expect(suggestedValues(await user.send('jongere'))).toEqual(SCALE);
    for (let i = 0; i < scoresA.length; i++) {
      const ra = await onA.send(scoresA[i]);
      const rb = await onB.send(scoresB[i]);
      for (const r of [ra, rb]) {
        expect(r.status).toBe(200);
        // the next question comes: the scale, or after the last scored one only "Overslaan"
        expect(suggestedValues(r)).toHaveLength(i < scoresA.length - 1 ? 5 : 1);
      }
    }
    // the last answers arrive at both instances at the same moment
    const ends = await Promise.all([onA.send('Het gesprek was fijn'), onB.send('Ik werd niet gehoord')]);
    for (const r of ends) expect(r.status).toBe(200);

    const participant = pseudonymize(PSEUDONYM_SECRET, 'emulator', 'shared-participant');
    const rows = await store.listResponsesOfParticipant(participant);
    const runs = new Map<string, ResponseRecord[]>();
    for (const r of rows) runs.set(r.runId, [...(runs.get(r.runId) ?? []), r]);
    const answered = [...runs.values()]
      .map((run) => run.sort((x, y) => x.createdAt.localeCompare(y.createdAt)))
      .map((run) => ({ scores: run.filter((r) => r.theme !== null).map((r) => String(r.score)), texts: run.filter((r) => r.text).length }));
    expect(answered).toHaveLength(2);
    expect(answered).toEqual(expect.arrayContaining([{ scores: scoresA, texts: 1 }, { scores: scoresB, texts: 1 }]));
    expect(rows.every((r) => r.channel === 'emulator' && r.project === 'demo')).toBe(true);
  });

  it('sends each weekly digest exactly once although both instances run the scheduler', async () => {
    const leadSays = (text: string): Promise<PostResult> =>
      postRaw(
        a.url,
        JSON.stringify({
          type: 'message',
          id: `m-${randomUUID()}`,
          channelId: 'msteams',
          serviceUrl: connector.url,
          deliveryMode: 'expectReplies',
          conversation: { id: 'conv-lead', conversationType: 'personal', tenantId: 'tenant-1' },
          from: { id: '29:lead', name: 'Lead', aadObjectId: LEAD },
          recipient: { id: '28:hoormij', name: 'HoorMij' },
          locale: 'nl-NL',
          text,
        }),
      );
    const r = await leadSays('digest aanmelden demo');
    expect(replyText(r)).toBe(nl('digest:commands.subscribed', { project: 'Demoproject HoorMij', id: 'demo' }));

    const claimsOfWeek = () => cosmos.claimAttempts().filter((c) => c.project === 'demo' && c.week === week);
    // Both schedulers reach the claim of the due week, and the digest goes out.
    await waitFor(
      'both instances to claim the digest and one to send it',
      async () =>
        new Set(claimsOfWeek().map((c) => c.owner)).size >= 2 && connector.to('conv-lead').length > 0 && (await store.getDigestClaim('demo', week))?.sentAt
          ? true
          : undefined,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    // Both instances keep ticking every two seconds: let each try again after the send.
    const seen = claimsOfWeek().length;
    await waitFor('another round of claims from both instances', () =>
      new Set(claimsOfWeek().slice(seen).map((c) => c.owner)).size >= 2 ? true : undefined,
      { timeoutMs: 20_000, intervalMs: 250 },
    );

    const claims = claimsOfWeek();
    expect(claims.filter((c) => c.status === 201)).toHaveLength(1);
    expect(claims.filter((c) => c.status !== 201).every((c) => c.status === 409)).toBe(true);
    const posted = connector.to('conv-lead');
    expect(posted).toHaveLength(1);
    const card = JSON.stringify(posted[0].attachments);
    expect(card).toContain(week);
    expect(card).toContain(nl('digest:scores.title'));
    expect((await store.listAudit()).filter((e) => e.action === 'digest-sent' && e.target === `demo/${week}`)).toHaveLength(1);
  });

  it('reports a Cosmos outage on /healthz, apologises per turn, stays up and continues afterwards with nothing half-written', async () => {
    await b.stop();
    const user = emulatorUser(a.url, 'outage-participant', 'nl-NL', 'conversation-in-outage');
    for (const text of ['hallo', 'ja', 'jongere']) expect((await user.send(text)).status).toBe(200);
    expect(suggestedValues(await user.send('4'))).toEqual(SCALE); // question 2 is asked

    const outageAt = Date.now();
    await cosmos.stop();
    await waitFor('/healthz to report the outage', async () => ((await healthStatus(a.url)) === 503 ? true : undefined), {
      timeoutMs: 15_000,
      intervalMs: 250,
    });
    const body = (await (await fetch(`${a.url}/healthz`)).json()) as { status: string; storage: string };
    expect(body).toMatchObject({ status: 'unavailable', storage: 'cosmos' });

    for (let attempt = 0; attempt < 2; attempt++) {
      const down = await user.send('2');
      expect(down.status).toBe(200);
      expect(replyText(down)).toBe(nl('common:error.storeDown'));
      expect(a.alive()).toBe(true);
    }
    // the log lines come through a pipe and may trail the HTTP answers a little
    const failed = await waitFor('both failed turns in the log', () => {
      const lines = a.logs(50).filter((l) => l.msg === 'turn failed' && Number(l.time) >= outageAt);
      return lines.length >= 2 ? lines : undefined;
    });
    expect(failed.map((l) => l.storeDown)).toEqual(failed.map(() => true));

    await cosmos.restart();
    await waitFor('/healthz to recover', async () => ((await healthStatus(a.url)) === 200 ? true : undefined), {
      timeoutMs: 15_000,
      intervalMs: 250,
    });
    const again = await user.send('2');
    expect(again.status).toBe(200);
    expect(replyText(again)).toContain(thirdQuestion());
    expect(suggestedValues(again)).toEqual(SCALE);

    const rows = await store.listResponsesOfParticipant(pseudonymize(PSEUDONYM_SECRET, 'emulator', 'outage-participant'));
    expect(rows.sort((x, y) => x.createdAt.localeCompare(y.createdAt)).map((r) => [r.question, r.score])).toEqual([
      [data.questionSets.get('session-check')!.questions[0].id, 4],
      [data.questionSets.get('session-check')!.questions[1].id, 2],
    ]);
    expect(a.alive()).toBe(true);
    expect(a.logs(60)).toEqual([]);
  });

  /*
   * An answer is one document but a turn is two writes (the answer, then the conversation state).
   * When Cosmos goes away between them the participant must see only the apology, and answering
   * again must replace that answer rather than add a second one or file it under the next question.
   */
  it('keeps an answer whole when Cosmos goes down between storing it and saving the conversation', async () => {
    await cosmos.restart(); // independent of how the test before ended
    const user = emulatorUser(a.url, 'midturn-participant', 'nl-NL', 'conversation-mid-turn');
    for (const text of ['hallo', 'ja', 'jongere']) expect((await user.send(text)).status).toBe(200);
    expect(suggestedValues(await user.send('4'))).toEqual(SCALE);

    const stopped = cosmos.stopAfter((req) => isDocumentWriteTo('responses', req));
    const cut = await user.send('2');
    await Promise.race([
      stopped,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the answer was never written, so the outage never began')), 15_000).unref()),
    ]);
    await cosmos.restart();
    await waitFor('/healthz to recover', async () => ((await healthStatus(a.url)) === 200 ? true : undefined), { timeoutMs: 15_000 });

    // the participant does what the apology asked: gives the same answer again
    const again = await user.send('2');
    expect([cut.status, again.status]).toEqual([200, 200]);
    expect(a.alive()).toBe(true);
    const rows = await store.listResponsesOfParticipant(pseudonymize(PSEUDONYM_SECRET, 'emulator', 'midturn-participant'));
    const questions = data.questionSets.get('session-check')!.questions;
    expect(rows.sort((x, y) => x.createdAt.localeCompare(y.createdAt)).map((r) => [r.question, r.score])).toEqual([
      [questions[0].id, 4],
      [questions[1].id, 2],
    ]);
    expect(replyText(cut)).toBe(nl('common:error.storeDown'));
    expect(replyText(again)).toContain(thirdQuestion());
  });
});
