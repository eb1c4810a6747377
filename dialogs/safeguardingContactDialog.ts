import type { CardAction } from 'botbuilder';
import { choiceMessage } from '../cards/choiceActions';
import { matchChoice } from '../core/choiceMatching';
import type { SignalCategory } from '../core/safeguarding/lexiconSchema';
import type { SafeguardingAlertOutcome } from '../core/safeguarding/notifier';
import type { Translate } from '../core/translate';
import { projectOfTurn } from './projectOfTurn';
import { ask, say, type Turn } from './turn';

export type ContactOutcome = 'done' | 'asked-again';

/** The contact question's question index when no check-in is under way (it was finished). */
export const AFTER_CHECK_IN = -1;

export function contactActions(t: Translate): CardAction[] {
  return [
    { type: 'imBack', title: t('safeguarding:contact.yes'), value: t('safeguarding:contact.yes') },
    { type: 'imBack', title: t('safeguarding:contact.no'), value: t('safeguarding:contact.no') },
  ];
}

/** After a safeguarding signal a young person may ask to be contacted; never without a yes. */
export async function askSafeguardingContact(turn: Turn, index: number, categories: SignalCategory[], withHint = false): Promise<void> {
  const { t } = turn;
  const attempts = withHint ? 1 : 0;
  turn.conv.step = { kind: 'safeguardingContact', index, attempts, categories };
  if (withHint) await say(turn, t('commands:yesNoHint'));
  await ask(turn, choiceMessage(t('safeguarding:contact.ask'), contactActions(t)));
}

/** During a check-in its own project; after one, the project the conversation is tied to. */
function whereFrom(turn: Turn): { project: string; team: string | null; sessionCode: string | null } {
  const run = turn.conv.run;
  if (run) return { project: run.project, team: run.team, sessionCode: run.sessionCode };
  const tie = projectOfTurn(turn);
  return { project: tie.project.id, team: tie.team, sessionCode: tie.sessionCode };
}

/** Whether someone of the project's team can be alerted now (a contact configured and registered in Teams). */
async function canAlert(turn: Turn): Promise<boolean> {
  if (!turn.safeguarding) return false;
  try {
    return await turn.safeguarding.canDeliver(whereFrom(turn).project);
  } catch (err) {
    turn.log.error({ event: 'safeguarding-contact-check', err: { name: (err as Error).name, message: (err as Error).message } }, 'could not check the safeguarding contact');
    return false;
  }
}

/**
 * Offers contact only when an alert can actually be delivered; otherwise tells the young person
 * to tell their own worker or a trusted adult (the helplines were just shown). True when it asked.
 */
export async function offerSafeguardingContact(turn: Turn, index: number, categories: SignalCategory[]): Promise<boolean> {
  if (await canAlert(turn)) {
    await askSafeguardingContact(turn, index, categories);
    return true;
  }
  await say(turn, turn.t('safeguarding:contact.tellSomeone'));
  return false;
}

async function alert(turn: Turn, categories: SignalCategory[]): Promise<SafeguardingAlertOutcome> {
  if (!turn.safeguarding) return 'no-contact';
  try {
    return await turn.safeguarding.notify({ categories, ...whereFrom(turn), at: turn.app.clock.now().toISOString() });
  } catch (err) {
    turn.log.error({ event: 'safeguarding-alert', err: { name: (err as Error).name, message: (err as Error).message } }, 'safeguarding alert failed');
    return 'failed';
  }
}

/** 'done' when the question is settled and the check-in may go on. */
export async function handleSafeguardingContact(turn: Turn, text: string): Promise<ContactOutcome> {
  const step = turn.conv.step;
  if (step?.kind !== 'safeguardingContact') return 'done';
  const { t } = turn;
  const yesNo = turn.vocabulary.yesNo.map((o) => ({
    value: o.value,
    phrases: [...o.phrases, t(`safeguarding:contact.${o.value}`)],
  }));
  const answer = matchChoice(text, yesNo);
  if (answer === undefined && step.attempts === 0) {
    await askSafeguardingContact(turn, step.index, step.categories ?? [], true);
    return 'asked-again';
  }
  if (answer === 'yes') {
    const outcome = await alert(turn, step.categories ?? []);
    turn.log.warn({ event: 'safeguarding-alert', outcome }, 'participant asked to be contacted');
    await say(turn, outcome === 'sent' ? t('safeguarding:contact.sent') : t('safeguarding:contact.noContact'));
  } else {
    await say(turn, t('safeguarding:contact.declined'));
  }
  return 'done';
}
