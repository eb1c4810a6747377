import { join } from 'node:path';
import { signatureFor } from '../../channels/whatsapp/signature';
import { openSqliteStore } from '../../storage/sqlite';
import { APP_SECRET, PHONE_NUMBER_ID, textWebhook, WA_TOKEN, whatsappEnv } from '../channels/whatsapp/harness';
import { tempDataDir } from '../helpers/botHttp';
import { freePort, killHard, startBotProcess } from '../helpers/botProcess';
import { startGraphApiServer, type GraphApiServer } from '../helpers/graphApiServer';

const USERS = Array.from({ length: 20 }, (_, i) => `3161234${String(i).padStart(4, '0')}`);

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('WhatsApp and a hard kill right after the webhook was acknowledged', () => {
  let graph: GraphApiServer;
  beforeAll(async () => {
    graph = await startGraphApiServer({ phoneNumberId: PHONE_NUMBER_ID, token: WA_TOKEN });
  });
  afterAll(() => graph.close());

  it('loses none of 20 acknowledged answers: they are processed after the restart, each once', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = whatsappEnv(graph.url);
    const repliesTo = (user: string) => graph.sends.filter((s) => s.body.to === user).length;
    const post = async (user: string, text: string) => {
      const raw = textWebhook(user, text, new Date());
      const res = await fetch(`${url}/api/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureFor(APP_SECRET, raw) },
        body: raw,
      });
      return res.status;
    };

    let child = await startBotProcess(dataDir, port, env);
    try {
      // Every user reaches the first question: hello, consent, role, each answered before the next.
      await Promise.all(
        USERS.map(async (user) => {
          for (const text of ['Hoi', 'ja', 'ouder']) {
            const before = repliesTo(user);
            expect(await post(user, text)).toBe(200);
            await until(`a reply to ${text}`, () => repliesTo(user) > before);
          }
        }),
      );
      // All 20 answer at once; the process dies the moment the last of them was acknowledged.
      const statuses = await Promise.all(USERS.map((user) => post(user, '4')));
      await killHard(child);
      expect(statuses.every((s) => s === 200)).toBe(true);

      child = await startBotProcess(dataDir, port, env);
      const answered = async () => {
        const store = await openSqliteStore(join(dataDir, 'hoormij.sqlite'));
        try {
          const scores: (number | null)[] = [];
          for await (const r of store.exportResponses({})) scores.push(r.score);
          return scores;
        } finally {
          await store.close();
        }
      };
      await until('every answer in the store', async () => (await answered()).length >= USERS.length, 20_000).catch(() => undefined);
      const scores = await answered();
      expect(scores).toEqual(USERS.map(() => 4));
    } finally {
      await killHard(child);
    }
  }, 120_000);
});
