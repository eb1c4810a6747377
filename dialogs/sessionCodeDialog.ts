import { choiceMessage, codeProblemActions } from '../cards/choiceActions';
import { saveParticipantRecord } from './participantRecord';
import type { CodeProblem } from './state';
import { ask, say, type Turn } from './turn';

export type CodeCheck = 'ok' | 'unknown' | 'expired';

/**
 * Ties the conversation to the code's project and team. A code that fails changes nothing:
 * the default project is never used silently in place of a code someone meant to use.
 */
/**
 * A code that failed before anything started: say what happened and offer the two ways on (the
 * project's default without a code, or another code), so nobody is stuck on a dead link.
 */
export async function askAfterCodeProblem(turn: Turn, problem: CodeProblem): Promise<void> {
  turn.conv.step = { kind: 'awaitingCode', problem };
  await say(turn, turn.t(`commands:code.problem.${problem}`));
  await ask(turn, choiceMessage(turn.t('commands:code.offer'), codeProblemActions(turn.t)));
}

export async function applySessionCode(turn: Turn, code: string): Promise<CodeCheck> {
  const { store, clock, data } = turn.app;
  const found = await store.getSessionCode(code);
  if (!found || !data.projects.has(found.project)) return 'unknown';
  if (clock.now().getTime() > Date.parse(found.expiresAt)) return 'expired';
  turn.conv.code = { code: found.code, project: found.project, team: found.team };
  turn.profile.project = found.project;
  turn.profile.team = found.team;
  await saveParticipantRecord(turn);
  turn.log.info({ event: 'session-code', project: found.project }, 'session code accepted');
  return 'ok';
}
