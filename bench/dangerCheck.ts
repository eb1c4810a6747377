import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSafeguardingDetector, MESSAGE_WINDOW, signalsDanger } from '../core/safeguarding/detect';
import { trainLearnedModel } from '../core/safeguarding/learnedModel';
import training from '../core/safeguarding/training/examples.json';

export interface DangerCheckBench {
  messagesPerSecond: number;
  messages: number;
  buildMs: number;
  /** Training the learned second opinion on its examples, as start-up does once (goal < 1 s). */
  trainMs: number;
  /** One message of MESSAGE_WINDOW characters of danger words without a full stop: the slowest input it reads. */
  worstCaseMs: number;
}

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`benchDangerCheck: no package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

/** The danger check runs on every message: messages per second over the dev set, and a hostile worst case. */
export function benchDangerCheck(rounds = 20): DangerCheckBench {
  const lines = readFileSync(join(repoRoot(), 'tests', 'fixtures', 'safeguarding', 'danger-dev.jsonl'), 'utf8').split('\n').filter(Boolean);
  const texts = lines.map((l) => (JSON.parse(l) as { text: string }).text);
  const t0 = performance.now();
  const detector = createSafeguardingDetector();
  const buildMs = performance.now() - t0;
  const tt = performance.now();
  trainLearnedModel(training.examples.map((e) => ({ text: e.text, category: e.category as never })));
  const trainMs = performance.now() - tt;
  const t1 = performance.now();
  let n = 0;
  for (let r = 0; r < rounds; r++) for (const text of texts) n += signalsDanger(text, detector) ? 1 : 0;
  const seconds = (performance.now() - t1) / 1000;
  const hostile = 'mijn vader hij ze slaat schopt mes dood me mij ons wil '.repeat(MESSAGE_WINDOW / 40).slice(0, MESSAGE_WINDOW);
  const t2 = performance.now();
  signalsDanger(hostile, detector);
  const worstCaseMs = performance.now() - t2;
  void n;
  return { messagesPerSecond: Math.round((rounds * texts.length) / seconds), messages: rounds * texts.length, buildMs: Math.round(buildMs), trainMs: Math.round(trainMs), worstCaseMs: Math.round(worstCaseMs) };
}
