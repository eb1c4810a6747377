import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigData, type ConfigData } from '../../../core/configData';
import type { ResponseRecord, Role } from '../../../core/types';
import { openSqliteStore } from '../../../storage/sqlite';
import type { Store } from '../../../storage/port';

export const ROOT = join(__dirname, '..', '..', '..');
export const K = 5;
export const WEEK = '2026-W10';
/** Wednesday of WEEK, 10:00 UTC. */
export const IN_WEEK = '2026-03-04T10:00:00.000Z';
export const NOW = new Date('2026-03-09T08:00:00Z');

const hex = (n: number) => randomBytes(n).toString('hex');

export async function openTestStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'hoormij-digest-'));
  return openSqliteStore(join(dir, 'hoormij.sqlite'));
}

export function testData(): ConfigData {
  return loadConfigData(join(ROOT, 'config'));
}

/** A fresh project (a copy of "demo") so every test starts from an empty project. */
export function newProject(data: ConfigData): string {
  const id = `p-${hex(4)}`;
  data.projects.set(id, { ...data.defaultProject, id });
  return id;
}

export const person = () => hex(32);
export const people = (n: number) => Array.from({ length: n }, person);

/** A date inside the ISO week `week` (Wednesday 10:00 UTC). */
export function dateIn(week: string): string {
  const [, y, w] = /^(\d{4})-W(\d{2})$/.exec(week)!;
  const jan4 = new Date(Date.UTC(Number(y), 0, 4));
  const monday = Date.UTC(Number(y), 0, 4 - ((jan4.getUTCDay() || 7) - 1) + (Number(w) - 1) * 7);
  return new Date(monday + 2 * 86_400_000 + 10 * 3_600_000).toISOString();
}

export function answer(project: string, over: Partial<ResponseRecord> = {}): ResponseRecord {
  const week = over.week ?? WEEK;
  return {
    id: `r-${hex(8)}`,
    project,
    team: 'wijkteam-noord',
    participant: person(),
    role: 'youth',
    channel: 'directline',
    questionSet: 'session-check',
    question: 'heard',
    runId: `run-${hex(6)}`,
    theme: 'listening-respect',
    themes: [],
    score: 4,
    skipped: false,
    text: null,
    sentiment: null,
    flagged: false,
    locale: 'nl',
    createdAt: dateIn(week),
    week,
    ...over,
  };
}

/** An open answer, tagged as the tagger would have done at storage. */
export function remark(project: string, participant: string, text: string, over: Partial<ResponseRecord> = {}): ResponseRecord {
  return answer(project, { participant, question: 'open', theme: null, score: null, text, themes: [], sentiment: 'neutral', ...over });
}

/** The four scored items of one session check (one run). */
export function sessionCheck(
  project: string,
  participant: string,
  scores: [number, number, number, number],
  over: Partial<ResponseRecord> = {},
): ResponseRecord[] {
  const runId = `run-${hex(6)}`;
  const items: [string, string][] = [
    ['heard', 'listening-respect'],
    ['goals', 'participation'],
    ['approach', 'staff-quality'],
    ['overall', 'outcome'],
  ];
  return items.map(([question, theme], i) => answer(project, { participant, runId, question, theme, score: scores[i], ...over }));
}

export async function addAll(store: Store, rows: ResponseRecord[]): Promise<void> {
  for (const r of rows) await store.addResponse(r);
}

export function parentAnswer(project: string, participant: string, over: Partial<ResponseRecord> = {}): ResponseRecord {
  return answer(project, { participant, role: 'parent' as Role, questionSet: 'parent-checkin', question: 'information', theme: 'information', ...over });
}
