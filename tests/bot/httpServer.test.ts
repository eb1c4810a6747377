import { translatorFor } from '../../locales';
import { emulatorUser, postRaw, replyText, startTestApp } from '../helpers/botHttp';

const activity = {
  type: 'message',
  channelId: 'emulator',
  serviceUrl: 'http://127.0.0.1:9',
  conversation: { id: 'auth-c' },
  from: { id: 'auth-u' },
  text: 'hallo',
};

describe('the HTTP server', () => {
  it('authenticates /api/messages when MicrosoftAppId is set: no token, no turn', async () => {
    const app = await startTestApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
    try {
      const r = await postRaw(app.url, JSON.stringify(activity));
      expect(r.status).toBe(401);
      const forged = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' },
        body: JSON.stringify(activity),
      });
      expect(forged.status).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('without MicrosoftAppId refuses activities that claim to be a WhatsApp or Direct Line user', async () => {
    const app = await startTestApp();
    try {
      for (const channelId of ['whatsapp', 'directline']) {
        const r = await postRaw(app.url, JSON.stringify({ ...activity, channelId, from: { id: '31612345678' }, deliveryMode: 'expectReplies', text: 'mijn gegevens' }));
        expect(r.status).toBe(403);
        expect(r.replies).toEqual([]);
      }
      const crafted = await postRaw(app.url, JSON.stringify({ ...activity, channelId: 'whatsapp:316', from: { id: '12345678' } }));
      expect(crafted.status).toBe(400);
    } finally {
      await app.close();
    }
  });

  it('reports 503 on /healthz and apologises politely when the store is unreachable', async () => {
    const app = await startTestApp();
    try {
      const user = emulatorUser(app.url, 'outage-user');
      expect((await user.send('hallo')).status).toBe(200);
      await app.app.store.close();
      const health = await fetch(`${app.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'unavailable' });
      const r = await user.send('ja');
      expect(r.status).toBe(200);
      expect(replyText(r)).toContain(translatorFor('nl')('common:error.storeDown'));
    } finally {
      await app.close();
    }
  });
});
