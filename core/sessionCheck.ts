import { SCALE_MAX } from './questionSets';

/**
 * The "worth talking about" rule of the session check. Alliance scales flag a total of 36 or
 * lower out of 40; on four 1–5 items that becomes a total below 18 of 20, or any single item
 * at 3 or lower. Skipped items do not count: the total rule then applies to the mean of the
 * answered items (below 4.5 of 5), so a skipped item never hides a low score.
 */
export const ITEM_THRESHOLD = 3;
export const TOTAL_THRESHOLD = 18;
export const TOTAL_MAX = 20;

export interface SessionCheckResult {
  /** Sum of the answered items. */
  total: number;
  answered: number;
  /** The highest total possible for the answered items. */
  max: number;
  worthTalkingAbout: boolean;
}

export function evaluateSessionCheck(scores: readonly (number | null)[]): SessionCheckResult {
  const answered = scores.filter((s): s is number => typeof s === 'number');
  const total = answered.reduce((a, b) => a + b, 0);
  const max = answered.length * SCALE_MAX;
  const lowItem = answered.some((s) => s <= ITEM_THRESHOLD);
  const lowTotal = answered.length > 0 && total * TOTAL_MAX < TOTAL_THRESHOLD * max;
  return { total, answered: answered.length, max, worthTalkingAbout: lowItem || lowTotal };
}
