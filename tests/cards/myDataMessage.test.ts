import { myDataMessage, myRemarksMessage } from '../../cards/myDataMessage';
import type { Participant, ResponseRecord } from '../../core/types';
import { translatorFor } from '../../locales';

const participant: Participant = {
  id: 'f'.repeat(64),
  code: 'P-ABCDEFGH',
  role: 'youth',
  locale: 'nl',
  consent: true,
  consentAt: '2026-03-01T09:00:00.000Z',
  optedOut: false,
  project: 'demo',
  team: null,
  channel: 'webchat',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
};

function response(id: string, at: string, extra: Partial<ResponseRecord>): ResponseRecord {
  return {
    id, project: 'demo', team: null, participant: participant.id, role: 'youth', channel: 'webchat',
    questionSet: 'session-check', question: 'heard', runId: 'r', theme: null, themes: [], score: null,
    skipped: false, text: null, sentiment: null, flagged: false, locale: 'nl', createdAt: at, week: '2026-W10', ...extra,
  };
}

describe('myDataMessage', () => {
  const t = translatorFor('nl');
  const label = (_set: string, q: string) => `Q:${q}`;

  it('lists role, language, consent, count, the latest answers and the participant code', () => {
    const responses = [
      response('1', '2026-03-01T10:00:00.000Z', { score: 4 }),
      response('2', '2026-03-01T10:01:00.000Z', { skipped: true, question: 'goals' }),
      response('3', '2026-03-01T10:02:00.000Z', { text: 'fijn [naam]', question: 'open' }),
    ];
    const text = myDataMessage(t, { participantCode: 'P-ABCDEFGH', participant, responses, questionLabel: label });
    expect(text).toContain(t('data:mine.role', { role: t('data:roles.youth') }));
    expect(text).toContain(t('data:mine.language', { language: t('commands:languageName.nl') }));
    expect(text).toContain(t('data:mine.consent', { date: '2026-03-01' }));
    expect(text).toContain(t('data:mine.answers', { count: 3 }));
    // What was written stays out of the overview: anyone may be holding the phone.
    expect(text).toContain(t('data:mine.answerRemark', { date: '2026-03-01', question: 'Q:open' }));
    expect(text).not.toContain('fijn');
    expect(text).toContain(t('data:mine.answerSkipped', { date: '2026-03-01', question: 'Q:goals' }));
    expect(text).toContain(t('data:mine.answerScore', { date: '2026-03-01', question: 'Q:heard', score: 4 }));
    expect(text).toContain('P-ABCDEFGH');
    // newest first
    expect(text.indexOf('Q:open')).toBeLessThan(text.indexOf('Q:heard'));
  });

  it('shows the remarks, newest first, only in the message the participant asked for', () => {
    const responses = [
      response('1', '2026-03-01T10:00:00.000Z', { score: 4 }),
      response('2', '2026-03-02T10:00:00.000Z', { text: 'eerste', question: 'open' }),
      response('3', '2026-03-09T10:00:00.000Z', { text: 'tweede', question: 'open' }),
      response('4', '2026-03-09T11:00:00.000Z', { skipped: true, question: 'open' }),
    ];
    const text = myRemarksMessage(t, { responses, questionLabel: label });
    expect(text.split('\n')).toEqual([
      t('data:mine.remarksTitle'),
      `• ${t('data:mine.answerText', { date: '2026-03-09', question: 'Q:open', text: 'tweede' })}`,
      `• ${t('data:mine.answerText', { date: '2026-03-02', question: 'Q:open', text: 'eerste' })}`,
    ]);
  });

  it('says nothing is stored when there is nothing', () => {
    const text = myDataMessage(t, { participantCode: 'P-ABCDEFGH', participant: undefined, responses: [], questionLabel: label });
    expect(text).toContain(t('data:mine.nothing'));
    expect(text).toContain('P-ABCDEFGH');
  });
});
