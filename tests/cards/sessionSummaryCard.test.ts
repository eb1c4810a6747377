import { sessionSummaryCard, sessionSummaryMessage, sessionSummaryText } from '../../cards/sessionSummaryCard';
import { renderCard } from '../../channels/whatsapp/cardText';
import { translatorFor } from '../../locales';

interface CardJson {
  fallbackText: string;
  body: { type: string; text?: string; items?: { text: string; weight?: string }[] }[];
}

describe('sessionSummaryMessage', () => {
  const items = [
    { question: 'Gehoord?', score: 5 },
    { question: 'Doelen?', score: 2 },
    { question: 'Aanpak?', score: null },
  ];
  const summary = { items, worthTalkingAbout: true, hasRemark: true };

  it.each(['nl', 'en'] as const)('gives text channels every answer as plain text, without a card (%s)', (lng) => {
    const t = translatorFor(lng);
    const message = sessionSummaryMessage(t, summary, { cards: false });
    expect(message.attachments).toBeUndefined();
    expect(message.text).toContain(t('summary:intro'));
    expect(message.text).toContain(`• Gehoord? ${t('summary:score', { score: 5, emoji: t('scale:emoji.5') })}`);
    expect(message.text).toContain(`• Doelen? ${t('summary:score', { score: 2, emoji: t('scale:emoji.2') })}`);
    expect(message.text).toContain(`• Aanpak? ${t('summary:skipped')}`);
    expect(message.text).toContain(t('summary:remark'));
    expect(message.text).toContain(t('summary:worth'));
  });

  it.each(['nl', 'en'] as const)('gives card channels only the card, with the text as its fallback (%s)', (lng) => {
    const t = translatorFor(lng);
    const message = sessionSummaryMessage(t, summary, { cards: true });
    expect(message.text).toBeUndefined();
    expect(message.attachments).toHaveLength(1);
    const card = message.attachments![0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const content = card.content as CardJson;
    expect(content.fallbackText).toBe(sessionSummaryText(t, summary));
    const answers = content.body.filter((b) => b.type === 'Container').map((c) => c.items!.map((i) => i.text));
    expect(answers).toEqual([
      ['Gehoord?', t('summary:score', { score: 5, emoji: t('scale:emoji.5') })],
      ['Doelen?', t('summary:score', { score: 2, emoji: t('scale:emoji.2') })],
      ['Aanpak?', t('summary:skipped')],
    ]);
    const blocks = content.body.filter((b) => b.type === 'TextBlock').map((b) => b.text);
    expect(blocks).toEqual([t('summary:title'), t('summary:intro'), t('summary:remark'), t('summary:worth')]);
  });

  it('reads as text where a channel turns the card into text (the WhatsApp card renderer)', () => {
    const t = translatorFor('nl');
    const rendered = renderCard(sessionSummaryCard(t, summary))!;
    expect(rendered.lines).toEqual([
      `**${t('summary:title')}**`,
      t('summary:intro'),
      'Gehoord?',
      `**${t('summary:score', { score: 5, emoji: t('scale:emoji.5') })}**`,
      'Doelen?',
      `**${t('summary:score', { score: 2, emoji: t('scale:emoji.2') })}**`,
      'Aanpak?',
      `**${t('summary:skipped')}**`,
      t('summary:remark'),
      `**${t('summary:worth')}**`,
    ]);
    expect(rendered.choices).toEqual([]);
  });

  it('closes on a good note when nothing needs talking about', () => {
    const t = translatorFor('nl');
    const text = sessionSummaryText(t, { items, worthTalkingAbout: false, hasRemark: false });
    expect(text).toContain(t('summary:fine'));
    expect(text).not.toContain(t('summary:worth'));
    expect(text).not.toContain(t('summary:remark'));
  });
});
