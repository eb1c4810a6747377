import { scrubText, type PiiKind } from '../privacy/scrub';

/** Contact details an update may name: helplines and the organisation's or project's own. */
export interface AllowedContacts {
  phones: readonly string[];
  emails: readonly string[];
}

/** An update of a lead is read by every participant on a phone: short, like a chat message. */
export const MAX_UPDATE_LENGTH = 500;

const KEEP = (kind: PiiKind) => `\u27e6${kind}\u27e7`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "0800-0432" also matches "0800 0432" and "08000432", never part of a longer number. */
function phonePattern(number: string): RegExp | undefined {
  const digits = number.replace(/\D/g, '');
  if (!digits) return undefined;
  return new RegExp(`(?<![\\d+])${digits.split('').join('[\\s.\\-/]?')}(?!\\d)`, 'g');
}

/**
 * The kinds of personal data in a lead's update, in the scrubber's order (empty: none). The
 * allowed phone numbers and e-mail addresses are set aside first, so "bel 0800-0432" passes
 * while any other number, address or name is reported.
 */
export function personalDataIn(text: string, allowed: AllowedContacts): PiiKind[] {
  let masked = text;
  for (const email of allowed.emails) {
    if (email) masked = masked.replace(new RegExp(escape(email), 'gi'), KEEP('email'));
  }
  for (const phone of allowed.phones) {
    const pattern = phonePattern(phone);
    if (pattern) masked = masked.replace(pattern, KEEP('phone'));
  }
  return scrubText(masked, KEEP).kinds;
}

export type UpdateProblem = { problem: 'empty' } | { problem: 'tooLong'; max: number } | { problem: 'personalData'; kinds: PiiKind[] };

/** Why these texts cannot be an update, or undefined when they can (Teams and the CLI alike). */
export function updateProblem(texts: readonly string[], allowed: AllowedContacts): UpdateProblem | undefined {
  const written = texts.map((x) => x.trim()).filter(Boolean);
  if (written.length === 0) return { problem: 'empty' };
  if (written.some((x) => x.length > MAX_UPDATE_LENGTH)) return { problem: 'tooLong', max: MAX_UPDATE_LENGTH };
  const kinds = [...new Set(written.flatMap((x) => personalDataIn(x, allowed)))];
  return kinds.length ? { problem: 'personalData', kinds } : undefined;
}
