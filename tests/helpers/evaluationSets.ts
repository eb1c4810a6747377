import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', 'fixtures');

/** The lines of a JSONL set file, parsed; a bad line names the file and its line number. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, n]) => {
      try {
        return JSON.parse(line) as T;
      } catch (err) {
        throw new Error(`${path}:${n}: ${(err as Error).message}`);
      }
    });
}

/**
 * A frozen test set arrives in the repository separately (the lead engineer copies it in, nobody
 * tunes on it). Until then its tests are skipped with a message that says so, except on CI, where a
 * missing set is a failure: a green build must have measured it.
 */
export function describeSetFile(title: string, path: string, body: (path: string) => void): void {
  if (existsSync(path)) {
    describe(title, () => body(path));
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => {
      it('has its set file in the repository', () => {
        throw new Error(`${path} is missing: CI measures the frozen test set, so it must be committed`);
      });
    });
    return;
  }
  describe(title, () => {
    it.skip(`skipped: ${path} does not exist yet (the lead engineer adds the frozen set; on CI its absence fails)`, () => undefined);
  });
}

/** n / d as a fixed-width percentage ("  97.3%"), or "   n/a" when there is nothing to divide. */
export function percent(n: number, d: number): string {
  return d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}
