import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { emulatorUser, ROOT, suggestedValues, tempDataDir } from '../helpers/botHttp';
import { openSqliteStore } from '../../storage/sqlite';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** `npm start` as a real process, so kill -9 hits the real thing. */
async function startProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'bot', 'index.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CONFIG_DIR: join(ROOT, 'config'), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.status === 200) return child;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('bot did not start');
}

describe('a hard kill in the middle of a conversation', () => {
  it('loses no answer already given and continues where it was after a restart', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const user = emulatorUser(url, 'crash-user');

    let child = await startProcess(dataDir, port);
    for (const text of ['hallo', 'ja', 'jongere', '2', '5']) expect((await user.send(text)).status).toBe(200);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    child = await startProcess(dataDir, port);
    try {
      const third = await user.send('4');
      expect(third.status).toBe(200);
      // The fourth scale item is asked next: the conversation continued, it did not restart.
      expect(suggestedValues(third)).toEqual(['1', '2', '3', '4', '5']);
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
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
