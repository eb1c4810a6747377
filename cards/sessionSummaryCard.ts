import { CardFactory, type Activity, type Attachment } from 'botbuilder';
import type { Translate } from '../core/translate';

export interface SummaryItem {
  question: string;
  score: number | null;
}

export interface SessionSummary {
  items: SummaryItem[];
  worthTalkingAbout: boolean;
  hasRemark: boolean;
}

export interface SummaryFormat {
  /** True where the channel draws Adaptive Cards (Teams, Web Chat, Emulator). */
  cards: boolean;
}

function scoreText(t: Translate, score: number | null): string {
  return score === null ? t('summary:skipped') : t('summary:score', { score, emoji: t(`scale:emoji.${score}`) });
}

function closingText(t: Translate, summary: SessionSummary): string {
  return summary.worthTalkingAbout ? t('summary:worth') : t('summary:fine');
}

/** The summary as plain text: for WhatsApp and other text channels, and the card's fallback. */
export function sessionSummaryText(t: Translate, summary: SessionSummary): string {
  return [
    t('summary:intro'),
    '',
    ...summary.items.map((i) => `• ${t('summary:item', { question: i.question, score: scoreText(t, i.score) })}`),
    ...(summary.hasRemark ? ['', t('summary:remark')] : []),
    '',
    closingText(t, summary),
  ].join('\n');
}

/**
 * The same content as a card. Each answer is the question above its score: a FactSet squeezes
 * long questions into a narrow column on a phone.
 */
export function sessionSummaryCard(t: Translate, summary: SessionSummary): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    fallbackText: sessionSummaryText(t, summary),
    body: [
      { type: 'TextBlock', text: t('summary:title'), weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: t('summary:intro'), wrap: true },
      ...summary.items.map((i) => ({
        type: 'Container',
        spacing: 'Medium',
        items: [
          { type: 'TextBlock', text: i.question, wrap: true },
          { type: 'TextBlock', text: scoreText(t, i.score), weight: 'Bolder', spacing: 'None', wrap: true },
        ],
      })),
      ...(summary.hasRemark ? [{ type: 'TextBlock', text: t('summary:remark'), wrap: true, spacing: 'Medium' }] : []),
      {
        type: 'TextBlock',
        text: closingText(t, summary),
        wrap: true,
        spacing: 'Medium',
        weight: summary.worthTalkingAbout ? 'Bolder' : 'Default',
      },
    ],
  });
}

/**
 * The young person's own answers, to show their worker, sent once: a card where the channel
 * draws cards, else the text. Both at once would show the summary twice in Web Chat and Teams.
 */
export function sessionSummaryMessage(t: Translate, summary: SessionSummary, format: SummaryFormat): Partial<Activity> {
  if (format.cards) return { type: 'message', attachments: [sessionSummaryCard(t, summary)] };
  return { type: 'message', text: sessionSummaryText(t, summary) };
}
