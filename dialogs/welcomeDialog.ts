import { projectOfTurn } from './projectOfTurn';
import { say, type Turn } from './turn';

/** Who asks, why, what is kept and how to stop; once per conversation. */
export async function sendWelcome(turn: Turn): Promise<void> {
  const { t } = turn;
  const { project } = projectOfTurn(turn);
  await say(turn, t('welcome:hello', { project: project.name[turn.locale] }));
  await say(turn, t('welcome:privacy'));
  turn.conv.welcomed = true;
}
