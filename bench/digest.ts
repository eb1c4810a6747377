import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeDigest } from '../core/digest';
import { loadConfigData } from '../core/configData';
import { DEMO_EMERGENT, DEMO_REMARKS, seededRandom } from '../core/demoData';
import { createThemeTagger } from '../core/themes/tagger';
import type { ResponseRecord } from '../core/types';
import { openSqliteStore } from '../storage/sqlite';

const RESPONSES = 200_000;
const TEXT_SHARE = 0.3;
/** Chance of a second text in a run, so that texts / (4 + texts) = TEXT_SHARE. */
const EXTRA_TEXT = (4 * TEXT_SHARE) / (1 - TEXT_SHARE) - 1;
const WEEK = '2026-W10';
const PROJECT = 'demo';
/** Rows per addResponses call: one transaction each, without holding all 200,000 records at once. */
const BATCH = 20_000;

function configDir(): string {
  for (const dir of [join(__dirname, '..', 'config'), join(__dirname, '..', '..', 'config')]) {
    try {
      loadConfigData(dir);
      return dir;
    } catch {
      // try the next place: sources (ts) or dist/bench (js)
    }
  }
  throw new Error(`config folder not found near ${__dirname}`);
}

/**
 * The digest of 200,000 stored responses (30% free text) of one project-week on SQLite.
 * Tags are computed once per distinct remark here, as they would have been at storage.
 * Goal: under 5 s and under 500 MB RSS. Inserting is set-up and is not timed.
 */
export async function benchDigest(): Promise<{ responses: number; seconds: number; rssMb: number }> {
  const data = loadConfigData(configDir());
  const tagger = createThemeTagger(data.catalogue);
  const pool = [...DEMO_REMARKS, ...DEMO_EMERGENT].map((r) => ({ ...r, tags: tagger.tag(r.text, r.lang) }));
  const dir = mkdtempSync(join(tmpdir(), 'hoormij-bench-digest-'));
  const store = await openSqliteStore(join(dir, 'bench.sqlite'));
  try {
    const rnd = seededRandom(7);
    const participants = 15_000;
    const items: [string, string][] = [
      ['heard', 'listening-respect'],
      ['goals', 'participation'],
      ['approach', 'staff-quality'],
      ['overall', 'outcome'],
    ];
    let batch: ResponseRecord[] = [];
    let stored = 0;
    const flush = async () => {
      stored += await store.addResponses(batch);
      batch = [];
    };
    let n = 0;
    let run = 0;
    const monday = Date.parse('2026-03-02T07:00:00Z');
    while (n < RESPONSES) {
      const participant = `p${Math.floor(rnd() * participants).toString().padStart(6, '0')}`;
      const runId = `run-${run++}`;
      const createdAt = new Date(monday + Math.floor(rnd() * 6.5 * 86_400_000)).toISOString();
      const base: Omit<ResponseRecord, 'id' | 'question' | 'theme' | 'score' | 'text' | 'themes' | 'sentiment'> = {
        project: PROJECT,
        team: 'wijkteam-noord',
        participant,
        role: 'youth',
        channel: rnd() < 0.7 ? 'directline' : 'whatsapp',
        questionSet: 'session-check',
        runId,
        skipped: false,
        flagged: false,
        locale: 'nl',
        createdAt,
        week: WEEK,
      };
      for (const [question, theme] of items) {
        if (n >= RESPONSES) break;
        const score = Math.max(1, Math.min(5, Math.round(3.8 + (rnd() - 0.5) * 3)));
        batch.push({ ...base, id: `b-${n++}`, question, theme, score, text: null, themes: [], sentiment: null });
      }
      // 4 scores and on average 1.71 texts per run: 1.71 / 5.71 = 30% of the rows are text
      const texts = 1 + (rnd() < EXTRA_TEXT ? 1 : 0);
      for (let i = 0; i < texts && n < RESPONSES; i++) {
        const r = pool[Math.floor(rnd() * pool.length)];
        batch.push({
          ...base,
          id: `b-${n++}`,
          question: i === 0 ? 'open' : 'remark',
          theme: null,
          score: null,
          text: `${r.text} (${n % 97})`,
          themes: r.tags.themes,
          sentiment: r.tags.sentiment,
          locale: r.lang,
        });
      }
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (stored !== RESPONSES) throw new Error(`bench digest stored ${stored} of ${RESPONSES} responses`);

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = process.hrtime.bigint();
    const digest = await computeDigest(store, data, PROJECT, WEEK, { k: 5, now: new Date('2026-03-09T07:00:00Z') });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (!digest.enough || digest.totals?.answers !== RESPONSES) throw new Error(`bench digest saw ${digest.totals?.answers} responses`);
    return { responses: RESPONSES, seconds: Math.round(seconds * 1000) / 1000, rssMb: Math.round(peak / 1_048_576) };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
