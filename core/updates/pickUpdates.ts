import { byNewest, isCurrent, type ProjectUpdate } from './types';

/** At most this many updates before a check-in: news, not a newsletter. */
export const UPDATES_BEFORE_CHECK_IN = 2;

/** The current updates a participant has not been shown yet, newest first, at most `max`. */
export function unseenUpdates(updates: readonly ProjectUpdate[], seen: readonly string[], max = UPDATES_BEFORE_CHECK_IN): ProjectUpdate[] {
  const already = new Set(seen);
  return currentUpdates(updates).filter((u) => !already.has(u.id)).slice(0, max);
}

/** Every update that is not withdrawn, newest first. */
export function currentUpdates(updates: readonly ProjectUpdate[]): ProjectUpdate[] {
  return updates.filter(isCurrent).sort(byNewest);
}
