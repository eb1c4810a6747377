import { normalizeText, phraseTokens } from './choiceMatching';
import { withoutMentions } from './digest/leadCommands';

/** A professional asking for a session code in Teams: "code", "sessiecode", "code wijkteam-noord". */
export interface SessionCodeRequest {
  team?: string;
}

/**
 * `phrases` are the words for "code" of every language. The rest of the message is the team id
 * (spaces become hyphens, as people type "code wijkteam noord"); anything else is no request.
 */
export function parseSessionCodeRequest(text: string | undefined, phrases: readonly string[]): SessionCodeRequest | undefined {
  if (!text) return undefined;
  const normalized = normalizeText(withoutMentions(text));
  if (normalized === '' || normalized.length > 80) return undefined;
  const tokens = normalized.split(' ');
  let best = 0;
  for (const phrase of phrases) {
    const p = phraseTokens(phrase);
    if (p.length > best && p.length <= tokens.length && p.every((w, i) => tokens[i] === w)) best = p.length;
  }
  if (best === 0) return undefined;
  const rest = tokens.slice(best);
  if (rest.length > 4) return undefined;
  return rest.length ? { team: rest.join('-') } : {};
}
