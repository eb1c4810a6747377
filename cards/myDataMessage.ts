import type { Translate } from '../core/translate';
import type { Participant, ResponseRecord } from '../core/types';

export interface MyData {
  participantCode: string;
  participant: Participant | undefined;
  /** All stored answers of the participant, any order. */
  responses: ResponseRecord[];
  /** The question's text in the participant's language, or its id when the set changed. */
  questionLabel: (questionSet: string, question: string) => string;
}

const RECENT = 5;

const newestFirst = (a: ResponseRecord, b: ResponseRecord) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? 1 : -1);

/** A remark's text is not in the overview: whoever holds the phone sees only that something was written. */
function answerLine(t: Translate, r: ResponseRecord, label: string): string {
  const vars = { date: r.createdAt.slice(0, 10), question: label };
  if (r.skipped) return t('data:mine.answerSkipped', vars);
  if (r.score !== null) return t('data:mine.answerScore', { ...vars, score: r.score });
  if (r.text !== null) return t('data:mine.answerRemark', vars);
  return t('data:mine.answerTextRemoved', vars);
}

/** The answers whose text is still stored (not yet removed after RETENTION_DAYS). */
export function storedRemarks(responses: readonly ResponseRecord[]): ResponseRecord[] {
  return responses.filter((r) => !r.skipped && r.text !== null && r.text !== '').sort(newestFirst);
}

/** What the participant wrote, newest first: shown only after they asked for it. */
export function myRemarksMessage(t: Translate, data: Pick<MyData, 'responses' | 'questionLabel'>): string {
  const remarks = storedRemarks(data.responses).slice(0, RECENT);
  const lines = remarks.map((r) => `• ${t('data:mine.answerText', { date: r.createdAt.slice(0, 10), question: data.questionLabel(r.questionSet, r.question), text: r.text })}`);
  return [t('data:mine.remarksTitle'), ...lines].join('\n');
}

/** What is stored about the participant (counts and dates, no remark's text), in plain text for every channel. */
export function myDataMessage(t: Translate, data: MyData): string {
  const { participant: p, responses } = data;
  const codeLine = t('data:mine.code', { code: data.participantCode });
  if (!p && responses.length === 0) return [t('data:mine.nothing'), codeLine].join('\n');
  const notChosen = t('data:mine.notChosen');
  const lines = [t('data:mine.title'), t('data:mine.noName')];
  if (p) {
    lines.push(t('data:mine.role', { role: p.role ? t(`data:roles.${p.role}`) : notChosen }));
    lines.push(t('data:mine.language', { language: p.locale ? t(`commands:languageName.${p.locale}`) : notChosen }));
    if (p.consentAt) lines.push(t('data:mine.consent', { date: p.consentAt.slice(0, 10) }));
    if (p.optedOut) lines.push(t('data:mine.optedOut'));
  }
  lines.push(t('data:mine.answers', { count: responses.length }));
  const recent = [...responses].sort(newestFirst).slice(0, RECENT);
  if (recent.length > 0) {
    lines.push(t('data:mine.recent'));
    for (const r of recent) lines.push(`• ${answerLine(t, r, data.questionLabel(r.questionSet, r.question))}`);
  }
  lines.push(codeLine);
  return lines.join('\n');
}
