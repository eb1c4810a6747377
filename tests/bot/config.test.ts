import { ConfigError, loadConfig } from '../../bot/config';

describe('loadConfig', () => {
  it('starts on the embedded defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3978);
    expect(c.dataDir).toBe('./data');
    expect(c.storage).toBe('sqlite');
    expect(c.kAnonymity).toBe(5);
    expect(c.retentionDays).toBe(365);
    expect(c.whatsapp).toBeUndefined();
    expect(c.publicBaseUrl).toBe('http://localhost:3978');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ K_ANONYMITY: '1' }, 'K_ANONYMITY'],
    [{ STORAGE: 'postgres' }, 'STORAGE'],
    [{ CONTACT_KEY: 'short' }, 'CONTACT_KEY'],
    [{ STORAGE: 'cosmos' }, 'COSMOS_ENDPOINT'],
    [{ STORAGE: 'cosmos', COSMOS_ENDPOINT: 'https://x.documents.azure.com' }, 'PSEUDONYM_SECRET'],
    [{ MicrosoftAppId: 'abc' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ WHATSAPP_TOKEN: 't' }, 'WHATSAPP_APP_SECRET'],
    [{ WHATSAPP_QUIET_HOURS: '9-5' }, 'WHATSAPP_QUIET_HOURS'],
    [{ DIRECTLINE_MAX_MEMORY_MB: '0' }, 'DIRECTLINE_MAX_MEMORY_MB'],
    [{ DIRECTLINE_TOKENS_PER_MINUTE: 'many' }, 'DIRECTLINE_TOKENS_PER_MINUTE'],
    [{ TRUSTED_PROXY_HEADER: 'x forwarded for' }, 'TRUSTED_PROXY_HEADER'],
  ])('stops with a message naming the variable for %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });

  it('bounds the web chat by default: 64 MB of stored activities, 30 tokens a minute per address, no proxy header trusted', () => {
    const c = loadConfig({});
    expect(c.directLine).toMatchObject({ maxMemoryBytes: 64 * 1024 * 1024, tokensPerMinute: 30 });
    expect(c.trustedProxyHeader).toBeUndefined();
    expect(loadConfig({ TRUSTED_PROXY_HEADER: 'X-Forwarded-For' }).trustedProxyHeader).toBe('x-forwarded-for');
  });

  it('enables WhatsApp only when all four credentials are set', () => {
    const c = loadConfig({ WHATSAPP_APP_SECRET: 's', WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_TOKEN: 't', WHATSAPP_PHONE_NUMBER_ID: '1' });
    expect(c.whatsapp).toMatchObject({ phoneNumberId: '1', quietHours: { from: '21:00', to: '08:00' }, sendRate: 80 });
  });

  it('reads a comma-separated allow list of service URLs', () => {
    expect(loadConfig({ ALLOWED_SERVICE_URLS: 'https://a.example/, https://b.example' }).bot.allowedServiceUrls).toEqual([
      'https://a.example/',
      'https://b.example',
    ]);
  });
});
