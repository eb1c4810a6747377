import type { LinkProblem } from '../core/sessionLink';
import type { Translate } from '../core/translate';
import type { Locale } from '../core/types';
import type { AdaptiveCard } from './digestCard';

/** Everything the card shows; the QR image is made by the caller (cards/qrImage.ts). */
export interface SessionCodeCardInput {
  code: string;
  link: string;
  /** data:image/png;base64,… of the QR code for `link`. */
  qrDataUri: string;
  projectName: string;
  team: string | null;
  expiresAt: string;
  validDays: number;
  timeZone: string;
  locale: Locale;
  /** Set when the link will not open on a phone (see core/sessionLink.ts). */
  linkProblem?: LinkProblem;
  /** What the "new code" button sends back, e.g. "code wijkteam-noord"; no button without it. */
  freshCommand?: string;
}

const DATE_LOCALE: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

export function validUntil(expiresAt: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[locale], { dateStyle: 'long', timeZone }).format(new Date(expiresAt));
}

/**
 * The two lines a professional reads out or shows at the end of a session. Someone who types
 * the code needs only the address, which is shorter to read out than the whole link.
 */
export function instructionLines(t: Translate, on: 'card' | 'poster', link: string, code: string): [string, string] {
  const address = link.replace(/\/?\?code=.*$/, '');
  return on === 'card'
    ? [t('sessionCode:card.line1'), t('sessionCode:card.line2', { link: address, code })]
    : [t('poster:line1'), t('poster:line2', { link: address, code })];
}

export function linkWarning(t: Translate, problem: LinkProblem | undefined, link: string): string | undefined {
  return problem ? t(`sessionCode:link.${problem}`, { url: link }) : undefined;
}

/**
 * The card a professional gets in Teams after `code` (and an operator from `npx hoormij code
 * --card`): the QR code, the code in large type, the link and what to say, in ten seconds.
 */
export function renderSessionCodeCard(i: SessionCodeCardInput, t: Translate): AdaptiveCard {
  const text = (value: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
  const title = i.team ? t('sessionCode:card.title', { team: i.team }) : t('sessionCode:card.titleNoTeam', { project: i.projectName });
  const warning = linkWarning(t, i.linkProblem, i.link);
  const [line1, line2] = instructionLines(t, 'card', i.link, i.code);
  const facts = [
    { title: t('sessionCode:card.project'), value: i.projectName },
    ...(i.team ? [{ title: t('sessionCode:card.team'), value: i.team }] : []),
    { title: t('sessionCode:card.valid'), value: t('sessionCode:card.validValue', { date: validUntil(i.expiresAt, i.timeZone, i.locale), count: i.validDays }) },
    { title: t('sessionCode:card.link'), value: i.link },
  ];
  const body: Record<string, unknown>[] = [
    text(title, { size: 'Medium', weight: 'Bolder' }),
    ...(warning ? [text(warning, { color: 'Attention', weight: 'Bolder' })] : []),
    {
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'auto',
          items: [{ type: 'Image', url: i.qrDataUri, altText: t('sessionCode:card.qrAlt', { code: i.code }), width: '160px' }],
        },
        {
          type: 'Column',
          width: 'stretch',
          verticalContentAlignment: 'Center',
          items: [text(i.code, { size: 'ExtraLarge', weight: 'Bolder', fontType: 'Monospace' }), { type: 'FactSet', facts }],
        },
      ],
    },
    text(t('sessionCode:card.readOut'), { weight: 'Bolder', spacing: 'Medium' }),
    // A TextRun is never read as markdown: the link and the code show exactly as typed.
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${line1}\n${line2}` }] },
  ];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(i.freshCommand
      ? { actions: [{ type: 'Action.Submit', title: t('sessionCode:card.fresh'), data: { msteams: { type: 'imBack', value: i.freshCommand }, hoormijCommand: i.freshCommand } }] }
      : {}),
    fallbackText: [t('sessionCode:card.fallback', { code: i.code, link: i.link }), warning].filter(Boolean).join('\n'),
  };
}
