import type { Translate } from '../translate';
import { EMERGENCY_LINE_ID, helplinesFor, type HelplineCountry } from './helplines';

/** The calm, immediate answer to a safeguarding signal: a warm intro, the helplines, then 112 for acute danger. */
export function safeguardingReply(t: Translate, country: HelplineCountry): string {
  const lines = helplinesFor(country);
  const emergency = lines.find((l) => l.id === EMERGENCY_LINE_ID);
  const listed = lines
    .filter((l) => l.id !== EMERGENCY_LINE_ID)
    .map((l) => t('safeguarding:reply.line', { name: l.name, number: l.number, about: t(`safeguarding:line.${l.id}`) }));
  const parts = [t('safeguarding:reply.intro'), ...listed];
  if (emergency) parts.push(t('safeguarding:reply.danger', { number: emergency.number }));
  return parts.join('\n');
}
