import { CardFactory, type Activity } from 'botbuilder';
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

function scoreText(t: Translate, score: number | null): string {
  return score === null ? t('summary:skipped') : t('summary:score', { score, emoji: t(`scale:emoji.${score}`) });
}

/**
 * The young person's own answers, to show their worker. The Adaptive Card is for web chat and
 * Teams; the same content as plain text rides along in `text` for WhatsApp and other text channels.
 */
export function sessionSummaryMessage(t: Translate, summary: SessionSummary): Partial<Activity> {
  const closing = summary.worthTalkingAbout ? t('summary:worth') : t('summary:fine');
  const lines = [
    t('summary:intro'),
    '',
    ...summary.items.map((i) => `• ${t('summary:item', { question: i.question, score: scoreText(t, i.score) })}`),
    ...(summary.hasRemark ? ['', t('summary:remark')] : []),
    '',
    closing,
  ];
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    fallbackText: lines.join('\n'),
    body: [
      { type: 'TextBlock', text: t('summary:title'), weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'FactSet',
        facts: summary.items.map((i) => ({ title: i.question, value: scoreText(t, i.score) })),
      },
      ...(summary.hasRemark ? [{ type: 'TextBlock', text: t('summary:remark'), wrap: true }] : []),
      {
        type: 'TextBlock',
        text: closing,
        wrap: true,
        weight: summary.worthTalkingAbout ? 'Bolder' : 'Default',
      },
    ],
  };
  return { type: 'message', text: lines.join('\n'), attachments: [CardFactory.adaptiveCard(card)] };
}
