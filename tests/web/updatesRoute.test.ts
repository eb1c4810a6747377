import type { RunningApp } from '../../bot/app';
import { translatorFor } from '../../locales';
import { startTestApp } from '../helpers/botHttp';

describe('GET /api/updates for the web chat page', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app.close());

  const get = async (query: string) => {
    const res = await fetch(`${app.url}/api/updates${query}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('says there is no update yet, and 404 for an unknown project', async () => {
    expect(await get('?project=demo')).toEqual({ status: 200, body: { project: 'demo', lang: 'nl', latest: null } });
    expect((await get('?project=nope')).status).toBe(404);
  });

  it('gives the latest current update in the asked language, falling back to the written one, without its author', async () => {
    const store = app.app.store;
    const base = { project: 'demo', week: '2026-W10', author: 'secret-lead-key', createdAt: '2026-03-10T09:00:00.000Z' };
    await store.addUpdate({ ...base, theme: 'waiting', text: { nl: 'We bellen binnen twee dagen terug.', en: 'We call back within two days.' } });
    const second = await store.addUpdate({ ...base, theme: 'information', text: { nl: 'Er is een nieuwe folder.' } });
    const en = await get('?project=demo&lang=en');
    expect(en.body.latest).toEqual({ id: 'U2', theme: 'Information', text: 'Er is een nieuwe folder.', line: translatorFor('en')('updates:web', { text: 'Er is een nieuwe folder.' }) });
    expect(JSON.stringify(en.body)).not.toContain('secret-lead-key');

    await store.reviseUpdate({ ...second, withdrawnAt: '2026-03-10T10:00:00.000Z' });
    expect((await get('?lang=en')).body.latest).toMatchObject({ id: 'U1', text: 'We call back within two days.' });
    // a code that is unknown falls back to the default project, never fails the page
    expect((await get('?code=ZZZZZZ')).body).toMatchObject({ project: 'demo' });
  });
});
