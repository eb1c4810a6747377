import type { Activity } from 'botbuilder';

/** What a message activity carries for the dialogs; never throws on odd activities. */
export type TurnInput = { kind: 'text'; text: string } | { kind: 'empty' } | { kind: 'attachmentsOnly' };

function valueText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  for (const field of ['text', 'choice']) {
    const x = v[field];
    if (typeof x === 'string' && x.trim() !== '') return x;
    if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  }
  return undefined;
}

/** Text, else a card submit's value.text / value.choice, else what kind of nothing it is. */
export function readInput(activity: Partial<Activity>): TurnInput {
  if (typeof activity.text === 'string' && activity.text.trim() !== '') return { kind: 'text', text: activity.text };
  const fromValue = valueText(activity.value);
  if (fromValue !== undefined) return { kind: 'text', text: fromValue };
  if (Array.isArray(activity.attachments) && activity.attachments.length > 0) return { kind: 'attachmentsOnly' };
  return { kind: 'empty' };
}
