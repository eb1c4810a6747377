import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Digest } from '../core/digest/types';
import type { Translate } from '../core/translate';
import { renderDigestCard } from './digestCard';

/**
 * The one message a lead receives for a week's digest, whether the scheduler sends it or the lead
 * asks for it with `digest nu`: the card, plus its fallback text as the summary that Teams shows in
 * notifications and the chat list.
 */
export function digestActivity(digest: Digest, t: Translate): Partial<Activity> {
  const card = renderDigestCard(digest, t);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = card.fallbackText;
  return activity;
}
