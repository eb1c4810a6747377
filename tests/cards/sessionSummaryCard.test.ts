import { sessionSummaryMessage } from '../../cards/sessionSummaryCard';
import { translatorFor } from '../../locales';

describe('sessionSummaryMessage', () => {
  const items = [
    { question: 'Gehoord?', score: 5 },
    { question: 'Doelen?', score: 2 },
    { question: 'Aanpak?', score: null },
  ];

  it.each(['nl', 'en'] as const)('gives text channels the same answers as the card (%s)', (lng) => {
    const t = translatorFor(lng);
    const message = sessionSummaryMessage(t, { items, worthTalkingAbout: true, hasRemark: true });
    expect(message.text).toContain(t('summary:intro'));
    expect(message.text).toContain(t('summary:score', { score: 5, emoji: t('scale:emoji.5') }));
    expect(message.text).toContain(t('summary:score', { score: 2, emoji: t('scale:emoji.2') }));
    expect(message.text).toContain(`Aanpak? ${t('summary:skipped')}`);
    expect(message.text).toContain(t('summary:remark'));
    expect(message.text).toContain(t('summary:worth'));

    const card = message.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const content = card?.content as { body: { type: string; facts?: { title: string; value: string }[] }[] };
    const facts = content.body.find((b) => b.type === 'FactSet')?.facts;
    expect(facts).toEqual([
      { title: 'Gehoord?', value: t('summary:score', { score: 5, emoji: t('scale:emoji.5') }) },
      { title: 'Doelen?', value: t('summary:score', { score: 2, emoji: t('scale:emoji.2') }) },
      { title: 'Aanpak?', value: t('summary:skipped') },
    ]);
  });

  it('closes on a good note when nothing needs talking about', () => {
    const t = translatorFor('nl');
    const message = sessionSummaryMessage(t, { items, worthTalkingAbout: false, hasRemark: false });
    expect(message.text).toContain(t('summary:fine'));
    expect(message.text).not.toContain(t('summary:worth'));
    expect(message.text).not.toContain(t('summary:remark'));
  });
});
