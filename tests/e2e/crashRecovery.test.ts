import { join } from 'node:path';
import { emulatorUser, suggestedValues, tempDataDir } from '../helpers/botHttp';
import { freePort, killHard, startBotProcess as startProcess } from '../helpers/botProcess';
import { openSqliteStore } from '../../storage/sqlite';

describe('a hard kill in the middle of a conversation', () => {
  it('loses no answer already given and continues where it was after a restart', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const user = emulatorUser(url, 'crash-user');

    let child = await startProcess(dataDir, port);
    for (const text of ['hallo', 'ja', 'jongere', '2', '5']) expect((await user.send(text)).status).toBe(200);
    await killHard(child);

    child = await startProcess(dataDir, port);
    try {
      const third = await user.send('4');
      expect(third.status).toBe(200);
      // The fourth scale item is asked next: the conversation continued, it did not restart.
      expect(suggestedValues(third)).toEqual(['1', '2', '3', '4', '5']);
    } finally {
      await killHard(child);
    }

    const store = await openSqliteStore(join(dataDir, 'hoormij.sqlite'));
    try {
      const scores: (number | null)[] = [];
      for await (const r of store.exportResponses({})) scores.push(r.score);
      expect(scores).toEqual([2, 5, 4]);
    } finally {
      await store.close();
    }
  });
});
