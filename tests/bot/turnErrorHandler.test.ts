import { translatorFor } from '../../locales';
import type { SqliteStore } from '../../storage/sqlite';
import { emulatorUser, replyText, startTestApp } from '../helpers/botHttp';
import { fillDisk, refuseWrites } from '../helpers/storeFaults';

/** Makes the next answer write fail once, as a full disk or a lost connection would. */
function failNextAnswerWrite(app: Awaited<ReturnType<typeof startTestApp>>): void {
  const store = app.app.store;
  const original = store.addResponse.bind(store);
  store.addResponse = async () => {
    store.addResponse = original;
    throw new Error('disk I/O error');
  };
}

describe('the turn error handler', () => {
  it.each([
    ['nl', 'nl-NL', ['hoi', 'ja', 'ouder']],
    ['en', 'en-US', ['hi', 'yes', 'parent']],
  ] as const)('apologises to a parent in %s with the parent wording, and the answer can be given again', async (lng, channelLocale, start) => {
    const app = await startTestApp();
    try {
      const user = emulatorUser(app.url, `parent-${lng}`, channelLocale);
      for (const text of start) expect((await user.send(text)).status).toBe(200);
      failNextAnswerWrite(app);
      const failed = await user.send('4');
      expect(replyText(failed)).toBe(translatorFor(lng)('common:error.turn', { context: 'parent' }));
      const again = await user.send('4');
      expect(replyText(again)).not.toContain(translatorFor(lng)('common:error.turn', { context: 'parent' }));
      const stored = await app.app.store.exportResponses({});
      const answers = [];
      for await (const r of stored) answers.push(r);
      expect(answers.map((a) => a.score)).toEqual([4]);
    } finally {
      await app.close();
    }
  });

  it("apologises in the participant's chosen language, not the channel's", async () => {
    const app = await startTestApp();
    try {
      const user = emulatorUser(app.url, 'switched', 'nl-NL');
      for (const text of ['hoi', 'ja', 'jongere', 'taal', 'English']) expect((await user.send(text)).status).toBe(200);
      failNextAnswerWrite(app);
      expect(replyText(await user.send('4'))).toBe(translatorFor('en')('common:error.turn'));
    } finally {
      await app.close();
    }
  });

  it('on a full disk: /healthz says 503, and the apology does not claim the answer was saved', async () => {
    // remarks longer than a database page, so that storing one needs room the disk does not have
    const app = await startTestApp({ MAX_TEXT_LENGTH: '10000' });
    try {
      const user = emulatorUser(app.url, 'full-disk', 'nl-NL');
      // up to the open question of the session check
      for (const text of ['hoi', 'ja', 'jongere', '4', '4', '4', '4']) expect((await user.send(text)).status).toBe(200);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      fillDisk(app.app.store as SqliteStore);

      const health = await fetch(`${app.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'unavailable', storage: 'sqlite' });

      // a remark of a few kB needs new pages: SQLITE_FULL, as on a real full disk
      const remark = 'Het wachten duurde lang en niemand belde terug. '.repeat(120);
      const r = await user.send(remark);
      expect(replyText(r)).toBe(translatorFor('nl')('common:error.storeDown'));
      const answers = [];
      for await (const a of app.app.store.exportResponses({})) answers.push(a);
      expect(answers.map((a) => a.score)).toEqual([4, 4, 4, 4]);
      expect(answers.some((a) => a.text)).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('on a store that refuses every write: /healthz says 503', async () => {
    const app = await startTestApp();
    try {
      refuseWrites(app.app.store as SqliteStore);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(503);
    } finally {
      await app.close();
    }
  });

  it('never says that the answer of a failed turn was saved, only the earlier ones', () => {
    for (const lng of ['nl', 'en'] as const) {
      for (const context of ['youth', 'parent']) {
        const text = translatorFor(lng)('common:error.turn', { context });
        expect(text).toMatch(lng === 'nl' ? /eerdere antwoorden/ : /earlier answers/);
        expect(text).not.toMatch(/^.*\b(Je|Uw|Your) antwoorden zijn bewaard|Your answers are saved/);
      }
    }
  });

  it('says "u" only to parents: a young person keeps the informal apology', () => {
    expect(translatorFor('nl')('common:error.turn', { context: 'parent' })).toMatch(/\bUw\b/);
    expect(translatorFor('nl')('common:error.turn', { context: 'youth' })).toMatch(/\bJe\b/);
  });
});
