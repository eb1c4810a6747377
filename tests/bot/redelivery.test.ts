import { pseudonymize } from '../../core/pseudonym';
import { emulatorUser, startTestApp, suggestedValues } from '../helpers/botHttp';

describe('a channel delivering the same activity twice', () => {
  it.each([
    ['nl-NL', 'hallo', 'ja', 'jongere'],
    ['en-US', 'hello', 'yes', 'young person'],
  ])('answers it once and stores one answer (%s)', async (locale, hello, yes, role) => {
    const app = await startTestApp();
    try {
      const user = emulatorUser(app.url, `retry-${locale}`, locale);
      for (const text of [hello, yes, role]) expect((await user.send(text)).status).toBe(200);
      const first = await user.send('4', { id: 'act-42' });
      expect(suggestedValues(first)).toEqual(['1', '2', '3', '4', '5']);
      const retry = await user.send('4', { id: 'act-42' });
      expect(retry.status).toBe(200);
      expect(retry.replies).toEqual([]);
      const next = await user.send('2', { id: 'act-43' });
      expect(suggestedValues(next)).toEqual(['1', '2', '3', '4', '5']);

      const rows = await app.app.store.listResponsesOfParticipant(pseudonymize(app.app.secrets.pseudonymSecret, 'emulator', `retry-${locale}`));
      expect(rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((r) => [r.question, r.score])).toEqual([
        ['heard', 4],
        ['goals', 2],
      ]);
    } finally {
      await app.close();
    }
  });

  it('recognises a retry that arrives after nine other activities of the conversation', async () => {
    const app = await startTestApp();
    try {
      const user = emulatorUser(app.url, 'late-retry');
      for (const text of ['hallo', 'ja', 'jongere']) expect((await user.send(text)).status).toBe(200);
      expect(suggestedValues(await user.send('4', { id: 'act-first' }))).toEqual(['1', '2', '3', '4', '5']);
      // nine more activities, then the channel retries the first answer
      for (let i = 0; i < 9; i++) await user.send(`Nog iets ${i}`, { id: `act-other-${i}` });
      const before = await app.app.store.listResponsesOfParticipant(pseudonymize(app.app.secrets.pseudonymSecret, 'emulator', 'late-retry'));
      const retry = await user.send('4', { id: 'act-first' });
      expect(retry.replies).toEqual([]);
      const after = await app.app.store.listResponsesOfParticipant(pseudonymize(app.app.secrets.pseudonymSecret, 'emulator', 'late-retry'));
      expect(after).toEqual(before);
      // the same id in another conversation is another activity
      const other = emulatorUser(app.url, 'late-retry-2');
      expect((await other.send('hallo', { id: 'act-first' })).replies.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

  it('answers a retried activity again once its marker was pruned by the retention job', async () => {
    const app = await startTestApp();
    try {
      const user = emulatorUser(app.url, 'pruned-retry');
      expect((await user.send('hallo', { id: 'act-p' })).replies.length).toBeGreaterThan(0);
      expect(await app.app.store.pruneChannelRecordsBefore(new Date(Date.now() + 60_000).toISOString())).toBeGreaterThan(0);
      for (let i = 0; i < 8; i++) await user.send(`iets ${i}`, { id: `act-q-${i}` });
      expect((await user.send('hallo', { id: 'act-p' })).replies.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
