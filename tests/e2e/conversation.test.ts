import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RunningApp } from '../../bot/app';
import { emulatorUser, replyText, ROOT, startTestApp, suggestedValues, tempDataDir } from '../helpers/botHttp';

const run = promisify(execFile);

describe('a whole session check over /api/messages (expectReplies)', () => {
  let app: RunningApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    app = await startTestApp({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers every turn with a reply and stores the answers for the export', async () => {
    const user = emulatorUser(app.url, 'e2e-youth-1');
    const first = await user.send('hallo');
    expect(first.status).toBe(200);
    expect(suggestedValues(first).length).toBeGreaterThan(0); // consent is asked

    const afterConsent = await user.send('ja');
    expect(suggestedValues(afterConsent).length).toBeGreaterThan(0); // the role is asked
    const afterRole = await user.send('jongere');
    expect(suggestedValues(afterRole)).toEqual(['1', '2', '3', '4', '5']);

    for (const score of ['4', '5', '3']) {
      const r = await user.send(score);
      expect(r.status).toBe(200);
      expect(suggestedValues(r)).toEqual(['1', '2', '3', '4', '5']);
    }
    const open = await user.send('4');
    expect(suggestedValues(open)).toHaveLength(1); // only "Overslaan"
    const themeStep = await user.send('Mijn begeleider Sanne luisterde goed, bel me op 06-12345678');
    expect(themeStep.status).toBe(200);
    // Which theme the remark is mainly about: the tagger's guesses and "iets anders", as words.
    expect(suggestedValues(themeStep).at(-1)).toBe('iets anders');
    expect(JSON.stringify(themeStep.replies)).not.toContain('06-12345678');
    const end = await user.send('iets anders');
    expect(end.status).toBe(200);
    // The Emulator draws cards: the summary comes once, as a card, and echoes nothing typed.
    const cards = end.replies.flatMap((a) => a.attachments ?? []);
    expect(cards.map((c) => c.contentType)).toEqual(['application/vnd.microsoft.card.adaptive']);
    expect(JSON.stringify(end.replies)).not.toContain('06-12345678');
    expect(JSON.stringify(end.replies)).not.toContain('Sanne');
    expect(replyText(end)).not.toContain('06-12345678');

    const { stdout } = await run(process.execPath, [join(ROOT, 'bin', 'hoormij.js'), 'export'], {
      env: { ...process.env, DATA_DIR: dataDir, CONFIG_DIR: join(ROOT, 'config'), LOG_LEVEL: 'silent' },
    });
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.score)).toEqual([4, 5, 3, 4, null]);
    for (const r of rows) {
      expect(r).toMatchObject({ project: 'demo', role: 'youth', channel: 'emulator', questionSet: 'session-check', locale: 'nl', skipped: false, flagged: false });
      expect(r.participant).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(r)).not.toContain('e2e-youth-1');
    }
    const text = String(rows[4].text);
    expect(text).not.toContain('Sanne');
    expect(text).not.toContain('06-12345678');
    expect(text).toContain('[naam]');
    expect(text).toContain('[telefoon]');
    expect(rows[0].theme).toBe('listening-respect');
  });

  it('reports liveness and storage reachability on /healthz', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', storage: 'sqlite' });
  });
});
