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
});
