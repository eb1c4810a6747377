import { participantCode } from '../core/pseudonym';
import type { Participant } from '../core/types';
import type { Turn } from './turn';

/**
 * Writes the participant record from the profile. Nothing reaches the domain store before
 * consent: a "no" stores nothing.
 */
export async function saveParticipantRecord(turn: Turn): Promise<void> {
  const p = turn.profile;
  if (p.consent !== true || turn.erased) return;
  const now = turn.app.clock.now().toISOString();
  const record: Participant = {
    id: turn.pseudonym,
    code: participantCode(turn.pseudonym),
    role: p.role ?? null,
    locale: turn.locale,
    consent: true,
    consentAt: p.consentAt ?? now,
    optedOut: p.optedOut === true,
    project: p.project ?? turn.app.data.defaultProject.id,
    team: p.team ?? null,
    channel: p.channel ?? turn.channel,
    createdAt: p.createdAt ?? now,
    updatedAt: now,
  };
  await turn.app.store.saveParticipant(record);
}
