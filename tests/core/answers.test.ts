import { join } from 'node:path';
import { buildResponse, type RunContext } from '../../core/answers/buildResponse';
import { loadConfigData } from '../../core/configData';

const data = loadConfigData(join(__dirname, '..', '..', 'config'));
const set = data.questionSets.get('session-check')!;
const run: RunContext = {
  runId: 'run-1',
  project: 'demo',
  team: 'wijkteam-noord',
  timeZone: 'Europe/Amsterdam',
  questionSet: set.id,
  participant: 'a'.repeat(64),
  role: 'youth',
  channel: 'webchat',
  locale: 'nl',
};

describe('buildResponse', () => {
  it('carries the question theme and the score of a scale answer', () => {
    const r = buildResponse(run, set.questions[0], { kind: 'score', score: 4 }, new Date('2026-03-10T10:00:00Z'), 'id-1');
    expect(r).toEqual({
      id: 'id-1',
      project: 'demo',
      team: 'wijkteam-noord',
      participant: 'a'.repeat(64),
      role: 'youth',
      channel: 'webchat',
      questionSet: 'session-check',
      question: 'heard',
      runId: 'run-1',
      theme: 'listening-respect',
      themes: [],
      score: 4,
      skipped: false,
      text: null,
      sentiment: null,
      flagged: false,
      locale: 'nl',
      createdAt: '2026-03-10T10:00:00.000Z',
      week: '2026-W11',
    });
  });

  it('keeps the text, tags and flag of a free-text answer and no theme of its own', () => {
    const open = set.questions.find((q) => q.type === 'open')!;
    const r = buildResponse(run, open, { kind: 'text', text: 'fijn', themes: ['waiting'], sentiment: 'positive', flagged: true }, new Date('2026-03-10T10:00:00Z'));
    expect(r).toMatchObject({ theme: null, themes: ['waiting'], text: 'fijn', sentiment: 'positive', flagged: true, score: null, skipped: false });
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('records a skip without score or text', () => {
    const r = buildResponse(run, set.questions[1], { kind: 'skipped' }, new Date('2026-03-10T10:00:00Z'));
    expect(r).toMatchObject({ skipped: true, score: null, text: null, theme: 'participation' });
  });

  it('puts a Sunday-night answer in the week of the project time zone', () => {
    // 23:30 UTC on Sunday 15 March is already Monday in Amsterdam.
    const r = buildResponse(run, set.questions[0], { kind: 'score', score: 5 }, new Date('2026-03-15T23:30:00Z'));
    expect(r.week).toBe('2026-W12');
  });
});
