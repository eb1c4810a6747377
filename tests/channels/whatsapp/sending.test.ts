import { SendPacer } from '../../../channels/whatsapp/sendPacer';
import { graphError } from '../../helpers/graphApiServer';
import { startHarness, textWebhook, type Harness } from './harness';
import { RecordingBot } from './testBot';

const USER = '31612345678';

function sentBodies(h: Harness): string[] {
  return h.graph.delivered().map((s) => (s.body as { text?: { body: string } }).text?.body ?? String(s.body.type));
}

function logged(h: Harness, msg: string): Array<Record<string, unknown>> {
  return h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);
}

describe('WhatsApp sending over the Graph API', () => {
  let h: Harness;
  let bot: RecordingBot;

  beforeEach(async () => {
    bot = new RecordingBot();
    h = await startHarness(bot);
    bot.app = h.app;
  });

  afterEach(async () => {
    await h.close();
  });

  async function say(text: string): Promise<void> {
    expect(await h.post(textWebhook(USER, text, h.clock.now()))).toBe(200);
    await h.channel.whenIdle();
  }

  it('backs off and retries on HTTP 429, honouring Retry-After', async () => {
    h.graph.script({ status: 429, body: graphError(130429, 'Rate limit hit'), headers: { 'retry-after': '0' } });
    await say('hoi');
    expect(h.graph.sends.map((s) => s.status)).toEqual([429, 200]);
    expect(sentBodies(h)).toEqual(['echo: hoi']);
    expect(logged(h, 'whatsapp rate limit; backing off')[0]).toMatchObject({ code: 130429, httpStatus: 429, attempt: 1 });
  });

  it.each([
    [130429, 'throughput limit'],
    [131056, 'pair rate limit'],
  ])('retries error %i (%s) until the message goes through', async (code) => {
    h.graph.script({ status: 400, body: graphError(code) }, { status: 400, body: graphError(code) });
    await say('hoi');
    expect(h.graph.sends.map((s) => s.status)).toEqual([400, 400, 200]);
    expect(sentBodies(h)).toEqual(['echo: hoi']);
  });

  it('retries transient 5xx answers', async () => {
    h.graph.script({ status: 500, body: graphError(1, 'An unknown error occurred') }, { status: 503, body: 'unavailable' });
    await say('hoi');
    expect(h.graph.sends.map((s) => s.status)).toEqual([500, 503, 200]);
    expect(sentBodies(h)).toEqual(['echo: hoi']);
  });

  it('logs a permanent error with its code, does not retry it and does not break the turn', async () => {
    h.graph.script({ status: 400, body: graphError(131026, 'Message undeliverable') });
    await say('two');
    // The first message was refused once, the second still went out in the same turn.
    expect(h.graph.sends.map((s) => s.status)).toEqual([400, 200]);
    expect(sentBodies(h)).toEqual(['tweede']);
    expect(logged(h, 'whatsapp send refused')[0]).toMatchObject({ code: 131026, httpStatus: 400 });
    expect(logged(h, 'turn failed')).toEqual([]);
  });

  it('gives up after the configured attempts, logs it, and keeps serving the next message', async () => {
    const failure = { status: 500, body: graphError(131000, 'Something went wrong') };
    h.graph.script(failure, failure, failure, failure);
    await say('eerst');
    expect(h.graph.sends.map((s) => s.status)).toEqual([500, 500, 500, 500]);
    expect(logged(h, 'whatsapp send gave up')[0]).toMatchObject({ code: 131000, httpStatus: 500, attempts: 4 });
    await say('daarna');
    expect(sentBodies(h)).toEqual(['echo: daarna']);
  });

  it('never puts the phone number or the text in a log line', async () => {
    h.graph.script({ status: 429, body: graphError(130429) }, { status: 400, body: graphError(131026) });
    await say('mijn geheime tekst');
    await say('two');
    expect(h.logs.length).toBeGreaterThan(0);
    for (const line of h.logs) {
      expect(line).not.toContain(USER);
      expect(line).not.toContain('geheime');
    }
  });
});

describe('send pacing per number', () => {
  it('hands out slots no faster than the configured rate', async () => {
    const waits: number[] = [];
    const pacer = new SendPacer(10, async (ms) => {
      waits.push(ms);
    });
    for (let i = 0; i < 5; i++) await pacer.acquire();
    // Five sends at 10/s: the last may not go before 400 ms after the first.
    expect(waits.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(350);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]);
  });

  it('holds every send back while the number is paused by a rate limit', async () => {
    const waits: number[] = [];
    const pacer = new SendPacer(1000, async (ms) => {
      waits.push(ms);
    });
    pacer.pause(5_000);
    await pacer.acquire();
    expect(waits[0]).toBeGreaterThan(4_000);
  });
});
