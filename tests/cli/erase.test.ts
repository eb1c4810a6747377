import { join } from 'node:path';
import { openSqliteStore } from '../../storage/sqlite';
import { makeParticipant, makeResponse } from '../storage/storeContract';
import { participantCode, pseudonymize } from '../../core/pseudonym';
import { translatorFor } from '../../locales';
import { emulatorUser, replyText, startTestApp, tempDataDir } from '../helpers/botHttp';
import { runCli } from '../helpers/cliRun';

describe('hoormij erase', () => {
  it.each([
    ['the participant code', (p: { id: string; code: string }) => p.code.toLowerCase()],
    ['the pseudonym', (p: { id: string; code: string }) => p.id],
  ])('erases one participant given %s, leaves others, and audits it', async (_how, pick) => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'hoormij.sqlite');
    let store = await openSqliteStore(file);
    const gone = makeParticipant({ optedOut: true });
    const kept = makeParticipant();
    for (const p of [gone, kept]) {
      await store.saveParticipant(p);
      await store.addResponse(makeResponse({ participant: p.id }));
      await store.addResponse(makeResponse({ participant: p.id }));
    }
    await store.close();

    const r = await runCli(['erase', '--participant', pick(gone)], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2/);

    store = await openSqliteStore(file);
    expect(await store.getParticipant(gone.id)).toBeUndefined();
    expect(await store.listResponsesOfParticipant(gone.id)).toHaveLength(0);
    expect(await store.listResponsesOfParticipant(kept.id)).toHaveLength(2);
    expect(await store.isDoNotContact(gone.id)).toBe(true);
    const audit = (await store.listAudit()).filter((a) => a.action === 'erase');
    expect(audit).toEqual([expect.objectContaining({ target: gone.id, rows: 3 })]);
    await store.close();
  });

  it("takes effect in a running bot at the participant's next message", async () => {
    const dataDir = tempDataDir();
    const app = await startTestApp({ DATA_DIR: dataDir });
    try {
      const user = emulatorUser(app.url, 'erased-while-running');
      for (const text of ['hoi', 'ja', 'jongere', '4']) expect((await user.send(text)).status).toBe(200);
      const pseudonym = pseudonymize(app.app.secrets.pseudonymSecret, 'emulator', 'erased-while-running');

      const r = await runCli(['erase', '--participant', participantCode(pseudonym)], { DATA_DIR: dataDir });
      expect(r.code).toBe(0);

      // The bot had this participant's state in memory: it must start over, not ask question 3.
      const next = await user.send('hoi');
      expect(replyText(next)).toContain(translatorFor('nl')('consent:ask'));
      expect(await app.app.store.listResponsesOfParticipant(pseudonym)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('says so and changes nothing when the participant is unknown', async () => {
    const r = await runCli(['erase', '--participant', 'P-ZZZZZZZZ'], { DATA_DIR: tempDataDir() });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/P-ZZZZZZZZ/);
  });
});
