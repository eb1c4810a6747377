import type { Digest, RecurringTheme, UpdateEffect, UpdateMovement } from '../core/digest/types';
import type { ProjectUpdate } from '../core/updates/types';
import { LOCALES, type Locale } from '../core/types';
import { digestFormat, type DigestFormat } from './digestFormat';

type Element = Record<string, unknown>;

/** What a lead's "Reageer" submit carries back, besides the texts they typed. */
export const UPDATE_SUBMIT = 'hoormijUpdate';
/** Input ids of the card: the lead's own language and the optional other one. */
export const UPDATE_INPUT = { own: 'updateText', other: 'updateTextOther' } as const;
/** Longest text the card's fields accept (the bot checks again). */
const MAX_INPUT = 500;

export interface UpdateSubmit {
  [UPDATE_SUBMIT]: 'post' | 'change';
  project: string;
  theme: string;
  week: string;
  /** The language of the first field (the lead's); the second field is the other one. */
  lang: Locale;
  /** Set when changing an existing update. */
  id?: string;
}

const otherLocale = (l: Locale): Locale => LOCALES.find((x) => x !== l) ?? l;

/** The fields and the send button, shared by "Reageer" and `update wijzigen`. */
export function updateForm(f: DigestFormat, data: UpdateSubmit, current: Partial<Record<Locale, string>> = {}): Element[] {
  const other = otherLocale(f.lang);
  return [
    {
      type: 'Input.Text',
      id: UPDATE_INPUT.own,
      label: f.t('digest:reply.label'),
      placeholder: f.t('digest:reply.placeholder'),
      isMultiline: true,
      maxLength: MAX_INPUT,
      isRequired: true,
      errorMessage: f.t('digest:reply.required'),
      value: current[f.lang] ?? '',
    },
    {
      type: 'Input.Text',
      id: UPDATE_INPUT.other,
      label: f.t('digest:reply.otherLabel', { language: f.t(`digest:reply.language.${other}`) }),
      isMultiline: true,
      maxLength: MAX_INPUT,
      value: current[other] ?? '',
    },
    { type: 'ActionSet', actions: [{ type: 'Action.Submit', title: f.t('digest:reply.send'), data }] },
  ];
}

/** "Reageer" under a recurring theme: a ShowCard with the form, so the lead answers in place. */
export function replyAction(f: DigestFormat, d: Digest, th: RecurringTheme): Element {
  const data: UpdateSubmit = { [UPDATE_SUBMIT]: 'post', project: d.project, theme: th.theme, week: d.week, lang: f.lang };
  return {
    type: 'ActionSet',
    spacing: 'Small',
    actions: [
      {
        type: 'Action.ShowCard',
        title: f.t('digest:reply.action'),
        card: { type: 'AdaptiveCard', body: updateForm(f, data) },
      },
    ],
  };
}

function moved(f: DigestFormat, key: 'score' | 'mentions', m: UpdateMovement | null, value: (n: number) => string): string {
  if (!m) return f.t(`digest:done.${key}Unknown`);
  return f.t(`digest:done.${key}`, { before: value(m.before), after: value(m.after), arrow: f.arrow(m.direction) });
}

function reachLine(f: DigestFormat, u: UpdateEffect, k: number): string {
  if (u.reach.kind === 'count') return f.t('digest:done.reach', { people: f.people(u.reach.value) });
  return f.t(u.reach.kind === 'none' ? 'digest:done.reachNone' : 'digest:done.reachFew', { k });
}

/** One update as plain lines, for every renderer: what was said, its reach, what moved. */
export function updateLines(f: DigestFormat, u: UpdateEffect, k: number): { title: string; text: string; figures: string } {
  const text = u.text[f.lang] ?? Object.values(u.text).find(Boolean) ?? '';
  return {
    title: f.t('digest:done.item', { id: u.id, theme: f.label(u.label), week: u.week }),
    text,
    figures: [reachLine(f, u, k), moved(f, 'score', u.score, f.score), moved(f, 'mentions', u.mentions, f.percent)].join(' · '),
  };
}

/** "Wat we deden": the heading and one block per update; nothing when there are none. */
export function doneSection(d: Digest, t: DigestFormat['t']): Element[] {
  if (d.updates.length === 0) return [];
  const f = digestFormat(t);
  const out: Element[] = [{ type: 'TextBlock', text: t('digest:done.title'), wrap: true, size: 'Medium', weight: 'Bolder', spacing: 'Large', separator: true }];
  for (const u of d.updates) {
    const l = updateLines(f, u, d.k);
    out.push({
      type: 'Container',
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: l.title, wrap: true, weight: 'Bolder' },
        // the lead's words as a TextRun: Teams does not read it as markdown
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: l.text }] },
        { type: 'TextBlock', text: l.figures, wrap: true, isSubtle: true, size: 'Small', spacing: 'Small' },
      ],
    });
  }
  return out;
}

/** The form of `update wijzigen U3`: the stored texts filled in, sent back as a change. */
export function changeUpdateCard(t: DigestFormat['t'], u: ProjectUpdate, themeName: string): Element {
  const f = digestFormat(t);
  const data: UpdateSubmit = { [UPDATE_SUBMIT]: 'change', project: u.project, theme: u.theme, week: u.week, lang: f.lang, id: u.id };
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: t('digest:update.changeTitle', { id: u.id, theme: themeName }),
    body: [{ type: 'TextBlock', text: t('digest:update.changeTitle', { id: u.id, theme: themeName }), wrap: true, weight: 'Bolder' }, ...updateForm(f, data, u.text)],
  };
}
