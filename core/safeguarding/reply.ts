import type { Translate } from '../translate';
import { EMERGENCY_LINE_ID, helplinesFor, type HelplineCountry } from './helplines';

/**
 * The calm, immediate answer to a safeguarding signal, the same on every channel: a warm intro,
 * one line per helpline (name, plain number, what it is for, "day and night" only where the
 * standards say so), then 112 for acute danger. Lines are separated by "\n".
 */
export function safeguardingReply(t: Translate, country: HelplineCountry): string {
  const lines = helplinesFor(country);
  const emergency = lines.find((l) => l.id === EMERGENCY_LINE_ID);
  const listed = lines
    .filter((l) => l.id !== EMERGENCY_LINE_ID)
    .map((l) => {
      const about = t(`safeguarding:line.${l.id}`);
      return t('safeguarding:reply.line', { name: l.name, number: l.number, about: l.hours === '24/7' ? t('safeguarding:reply.allDay', { about }) : about });
    });
  const parts = [t('safeguarding:reply.intro'), ...listed];
  if (emergency) parts.push(t('safeguarding:reply.danger', { number: emergency.number }));
  return parts.join('\n');
}
