import { isOwnRouteChannel, isServiceUrlAllowed, validateIncomingActivity } from '../../bot/activityValidation';

const valid = {
  type: 'message',
  channelId: 'emulator',
  serviceUrl: 'http://127.0.0.1:9999',
  conversation: { id: 'c1' },
  from: { id: 'u1' },
  text: 'hoi',
};

describe('validateIncomingActivity', () => {
  it('accepts a well-formed message activity', () => {
    expect(validateIncomingActivity(valid).ok).toBe(true);
  });

  it.each([
    ['a string body', 'hello'],
    ['an array body', [valid]],
    ['null', null],
    ['a missing type', { ...valid, type: undefined }],
    ['a numeric type', { ...valid, type: 3 }],
    ['a missing conversation id', { ...valid, conversation: {} }],
    ['a missing channelId', { ...valid, channelId: undefined }],
    ['a missing from.id', { ...valid, from: {} }],
    ['a numeric from.id', { ...valid, from: { id: 7 } }],
    ['text that is an object', { ...valid, text: { a: 1 } }],
    ['value that is a number', { ...valid, value: 42 }],
    ['a serviceUrl that is not a URL', { ...valid, serviceUrl: 'not a url' }],
    ['attachments that are not a list', { ...valid, attachments: 'x' }],
    // "whatsapp:316" + user "12345678" would have the pseudonym of WhatsApp user 31612345678
    ['a channelId with a colon', { ...valid, channelId: 'whatsapp:316' }],
    ['a channelId with a space', { ...valid, channelId: 'ms teams' }],
  ])('refuses %s with a message', (_name, body) => {
    const r = validateIncomingActivity(body);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(5);
  });
});

describe('isOwnRouteChannel', () => {
  it('names the channels that never come through /api/messages without a Bot Service token', () => {
    expect(['whatsapp', 'WhatsApp', 'directline'].map(isOwnRouteChannel)).toEqual([true, true, true]);
    expect(['msteams', 'emulator', 'webchat'].map(isOwnRouteChannel)).toEqual([false, false, false]);
  });
});

describe('isServiceUrlAllowed', () => {
  it.each(['http://localhost:3978', 'http://127.0.0.1:5000/x', 'http://[::1]:80', 'http://127.1.2.3'])('allows loopback %s', (u) => {
    expect(isServiceUrlAllowed(u, [])).toBe(true);
  });

  it.each(['https://smba.trafficmanager.net/emea/', 'http://10.0.0.1', 'http://localhost.evil.example', 'file:///etc/passwd'])(
    'refuses %s when not listed',
    (u) => {
      expect(isServiceUrlAllowed(u, [])).toBe(false);
    },
  );

  it('allows a listed prefix but not a look-alike host', () => {
    const allowed = ['https://smba.trafficmanager.net/emea'];
    expect(isServiceUrlAllowed('https://smba.trafficmanager.net/emea/', allowed)).toBe(true);
    expect(isServiceUrlAllowed('https://smba.trafficmanager.net/emea-evil/', allowed)).toBe(false);
  });

  it('decides per list: a URL refused without a list is allowed once listed, and refused again without', () => {
    const url = 'https://smba.trafficmanager.net/emea/v3';
    expect(isServiceUrlAllowed(url, [])).toBe(false);
    expect(isServiceUrlAllowed(url, ['https://smba.trafficmanager.net/emea'])).toBe(true);
    expect(isServiceUrlAllowed(url, [])).toBe(false);
  });

  it('keeps its verdicts while callers send many different URLs', () => {
    for (let i = 0; i < 600; i++) {
      expect(isServiceUrlAllowed(`http://127.0.0.1:${1000 + i}`, [])).toBe(true);
      expect(isServiceUrlAllowed(`http://10.0.${i % 250}.${i % 7}`, [])).toBe(false);
    }
    expect(isServiceUrlAllowed('http://127.0.0.1:1000', [])).toBe(true);
    expect(isServiceUrlAllowed('http://10.0.0.0', [])).toBe(false);
  });
});
