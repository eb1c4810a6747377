import { currentUpdates, unseenUpdates } from '../core/updates/pickUpdates';
import { updateText, type ProjectUpdate } from '../core/updates/types';
import { projectOfTurn } from './projectOfTurn';
import { say, type Turn } from './turn';

/** A theme label in the middle of a sentence: "Wachten" → "wachten". */
const inSentence = (label: string) => label.charAt(0).toLocaleLowerCase() + label.slice(1);

function line(turn: Turn, u: ProjectUpdate): string {
  const label = turn.app.data.themes.get(u.theme)?.label[turn.locale] ?? u.theme;
  return turn.t('updates:line', { theme: inSentence(label), text: updateText(u, turn.locale) });
}

async function show(turn: Turn, project: string, updates: ProjectUpdate[]): Promise<void> {
  await say(turn, updates.map((u) => line(turn, u)).join('\n'));
  await turn.app.store.markUpdatesSeen(turn.pseudonym, project, updates.map((u) => u.id), turn.app.clock.now().toISOString());
}

/**
 * Before the first question of a check-in: what the team did with what participants said, in
 * one or two lines (the newest updates this person has not seen). Only after consent: the
 * "seen" markers are data about the participant.
 */
export async function showNewUpdates(turn: Turn): Promise<void> {
  if (turn.profile.consent !== true || turn.erased) return;
  const { project } = projectOfTurn(turn);
  const [updates, seen] = await Promise.all([turn.app.store.listUpdates(project.id), turn.app.store.seenUpdates(turn.pseudonym, project.id)]);
  const fresh = unseenUpdates(updates, seen);
  if (fresh.length > 0) await show(turn, project.id, fresh);
}

/** `nieuws` / `updates`: every current update of the project, at any moment after consent. */
export async function showAllUpdates(turn: Turn): Promise<void> {
  if (turn.profile.consent !== true) {
    await say(turn, turn.t('updates:afterConsent'));
    return;
  }
  const { project } = projectOfTurn(turn);
  const all = currentUpdates(await turn.app.store.listUpdates(project.id));
  if (all.length === 0) {
    await say(turn, turn.t('updates:none'));
    return;
  }
  await show(turn, project.id, all);
}
