import { legalPageUrl } from '../core/legalPageUrl';
import { projectOfTurn } from './projectOfTurn';
import { say, type Turn } from './turn';

/** Who asks, why, what is kept, how to stop and where to read more; once per conversation. */
export async function sendWelcome(turn: Turn): Promise<void> {
  const { t } = turn;
  const { project } = projectOfTurn(turn);
  await say(turn, t('welcome:hello', { project: project.name[turn.locale] }));
  const link = legalPageUrl(turn.app.config.publicBaseUrl, 'privacy', turn.locale);
  await say(turn, `${t('welcome:privacy')}\n${t('welcome:privacyLink', { link })}`);
  turn.conv.welcomed = true;
}
