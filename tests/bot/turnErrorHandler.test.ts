import { translatorFor } from '../../locales';
import { emulatorUser, replyText, startTestApp } from '../helpers/botHttp';

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

  it('says "u" only to parents: a young person keeps the informal apology', () => {
    expect(translatorFor('nl')('common:error.turn', { context: 'parent' })).toMatch(/\bUw\b/);
    expect(translatorFor('nl')('common:error.turn', { context: 'youth' })).toMatch(/\bJe\b/);
  });
});
