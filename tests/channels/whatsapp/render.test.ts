import type { Activity, CardAction } from 'botbuilder';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToWhatsApp } from '../../../channels/whatsapp/markdown';
import { renderActivity, type WhatsAppMessage } from '../../../channels/whatsapp/render';
import { splitText, truncate, uniqueTitles } from '../../../channels/whatsapp/textLimits';
import { translatorFor } from '../../../locales';
import { PAYLOADS } from './harness';

const nl = translatorFor('nl');
const en = translatorFor('en');

function imBack(title: string, value: string = title): CardAction {
  return { type: 'imBack', title, value };
}

function message(fields: Partial<Activity>): Partial<Activity> {
  return { type: 'message', ...fields };
}

type Interactive = Extract<WhatsAppMessage, { type: 'interactive' }>['interactive'] & {
  body: { text: string };
  action: {
    buttons?: Array<{ type: string; reply: { id: string; title: string } }>;
    button?: string;
    sections?: Array<{ rows: Array<{ id: string; title: string; description?: string }> }>;
  };
};

function interactive(m: WhatsAppMessage): Interactive {
  if (m.type !== 'interactive') throw new Error(`expected an interactive message, got ${m.type}`);
  return m.interactive as Interactive;
}

function bodies(messages: WhatsAppMessage[]): string[] {
  return messages.map((m) => (m.type === 'text' ? m.text.body : m.type === 'interactive' ? interactive(m).body.text : ''));
}

describe('WhatsApp rendering of bot activities', () => {
  it('sends plain text as a text message', () => {
    const { messages } = renderActivity(message({ text: 'Hoi! 👋' }), nl);
    expect(messages).toEqual([{ type: 'text', text: { preview_url: false, body: 'Hoi! 👋' } }]);
  });

  it('sends nothing for typing and other non-message activities', () => {
    expect(renderActivity({ type: 'typing' }, nl).messages).toEqual([]);
    expect(renderActivity({ type: 'event', name: 'x' }, nl).messages).toEqual([]);
  });

  it('turns up to three choices into reply buttons whose id is the value the bot expects', () => {
    const { messages } = renderActivity(message({ text: 'Mag ik je iets vragen?', suggestedActions: { to: [], actions: [imBack('✅ Ja', 'ja'), imBack('❌ Nee', 'nee')] } }), nl);
    expect(messages).toHaveLength(1);
    const i = interactive(messages[0]);
    expect(i.type).toBe('button');
    expect(i.body.text).toBe('Mag ik je iets vragen?');
    expect(i.action.buttons).toEqual([
      { type: 'reply', reply: { id: 'ja', title: '✅ Ja' } },
      { type: 'reply', reply: { id: 'nee', title: '❌ Nee' } },
    ]);
  });

  it('cuts button titles to 20 characters and keeps them unique', () => {
    const long = 'Een heel erg lange knoptekst';
    const { messages } = renderActivity(message({ text: 'Kies', suggestedActions: { to: [], actions: [imBack(long, 'a'), imBack(long, 'b'), imBack('Kort', 'c')] } }), nl);
    const titles = interactive(messages[0]).action.buttons!.map((b) => b.reply.title);
    for (const title of titles) expect(title.length).toBeLessThanOrEqual(20);
    expect(new Set(titles).size).toBe(3);
    expect(titles[0]).toMatch(/^Een heel erg lange/);
  });

  it('turns 4 to 10 choices into a list with row titles of at most 24 characters', () => {
    const actions = ['😞 Helemaal niet', '🙁 Niet zo', '😐 Een beetje', '🙂 Grotendeels', '😄 Helemaal, echt helemaal waar'].map((title, i) => imBack(title, String(i + 1)));
    const { messages } = renderActivity(message({ text: 'Voelde je je gehoord?', suggestedActions: { to: [], actions } }), nl);
    expect(messages).toHaveLength(1);
    const i = interactive(messages[0]);
    expect(i.type).toBe('list');
    expect(i.action.button).toBe(nl('whatsapp:list.button'));
    expect(i.action.button!.length).toBeLessThanOrEqual(20);
    const rows = i.action.sections![0].rows;
    expect(rows.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5']);
    for (const row of rows) expect(row.title.length).toBeLessThanOrEqual(24);
    // The cut title is readable in full in the description.
    expect(rows[4].description).toBe('😄 Helemaal, echt helemaal waar');
    expect(rows[0].description).toBeUndefined();
  });

  it('uses the list button label of the participant language', () => {
    const actions = ['a', 'b', 'c', 'd'].map((v) => imBack(v));
    const i = interactive(renderActivity(message({ text: 'Pick', suggestedActions: { to: [], actions } }), en).messages[0]);
    expect(i.action.button).toBe(en('whatsapp:list.button'));
    expect(i.action.button).not.toBe(nl('whatsapp:list.button'));
  });

  it('turns more than 10 choices into numbered text and remembers them', () => {
    const actions = Array.from({ length: 12 }, (_, i) => imBack(`Keuze ${i + 1}`, `v${i + 1}`));
    const rendered = renderActivity(message({ text: 'Welke?', suggestedActions: { to: [], actions } }), nl);
    expect(rendered.messages.every((m) => m.type === 'text')).toBe(true);
    const text = bodies(rendered.messages).join('\n');
    expect(text).toContain('1. Keuze 1');
    expect(text).toContain('12. Keuze 12');
    expect(text).toContain(nl('whatsapp:numbered.hint'));
    expect(rendered.numbered?.map((c) => c.value)).toEqual(actions.map((a) => a.value));
  });

  it('gives buttons a body when the bot sent choices without text', () => {
    const i = interactive(renderActivity(message({ suggestedActions: { to: [], actions: [imBack('Overslaan', 'overslaan')] } }), nl).messages[0]);
    expect(i.body.text).toBe(nl('whatsapp:choose'));
  });

  it('splits a text over the body limit into several messages of at most 1024 characters', () => {
    const sentence = 'Dit is een zin over de hulp die we krijgen, met een émoji 😊 erin. ';
    const long = sentence.repeat(60);
    const { messages } = renderActivity(message({ text: long }), nl);
    expect(messages.length).toBeGreaterThan(2);
    for (const body of bodies(messages)) expect(body.length).toBeLessThanOrEqual(1024);
    expect(bodies(messages).join(' ').replace(/\s+/g, ' ')).toBe(long.trim().replace(/\s+/g, ' '));
  });

  it('puts the last part of a long text in the button message and sends the rest before it', () => {
    const long = 'Lange uitleg. '.repeat(120);
    const { messages } = renderActivity(message({ text: long, suggestedActions: { to: [], actions: [imBack('Ja', 'ja')] } }), nl);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.slice(0, -1).every((m) => m.type === 'text')).toBe(true);
    expect(messages[messages.length - 1].type).toBe('interactive');
    for (const body of bodies(messages)) expect(body.length).toBeLessThanOrEqual(1024);
  });

  it('renders an Adaptive Card as text: TextBlocks, FactSets and submit actions as choices', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Jouw antwoorden', weight: 'Bolder' },
        { type: 'FactSet', facts: [{ title: 'Gehoord', value: '4' }, { title: 'Aanpak', value: '5' }] },
        { type: 'Container', items: [{ type: 'TextBlock', text: 'Laat dit aan je hulpverlener zien.' }] },
      ],
      actions: [{ type: 'Action.Submit', title: 'Klaar', data: 'klaar' }],
    };
    const { messages } = renderActivity(message({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }), nl);
    const i = interactive(messages[0]);
    expect(i.body.text).toBe('*Jouw antwoorden*\n*Gehoord:* 4\n*Aanpak:* 5\nLaat dit aan je hulpverlener zien.');
    expect(i.action.buttons).toEqual([{ type: 'reply', reply: { id: 'klaar', title: 'Klaar' } }]);
  });

  it("uses the card's fallback text when it has no readable body", () => {
    const card = { type: 'AdaptiveCard', version: '1.5', fallbackText: 'Bekijk dit in Teams.', body: [{ type: 'Chart.Donut', data: [] }] };
    const { messages } = renderActivity(message({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }), nl);
    expect(bodies(messages)).toEqual(['Bekijk dit in Teams.']);
  });

  it('renders the saved Teams chart cards without crashing and without JSON noise', () => {
    for (const name of ['teams_adaptivecard_chart_donut', 'teams_adaptivecard_chart_gauge']) {
      const content = JSON.parse(readFileSync(join(PAYLOADS, `${name}.json`), 'utf8')) as unknown;
      const { messages } = renderActivity(message({ text: 'Digest', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }] }), nl);
      expect(messages.length).toBeGreaterThan(0);
      expect(bodies(messages).join('')).not.toContain('{');
    }
  });

  it('adds links of openUrl actions to the text and asks for a preview', () => {
    const { messages } = renderActivity(message({ text: 'Meer weten?', suggestedActions: { to: [], actions: [{ type: 'openUrl', title: '113', value: 'https://www.113.nl' }] } }), nl);
    expect(messages).toEqual([{ type: 'text', text: { preview_url: true, body: 'Meer weten?\n\n113: https://www.113.nl' } }]);
  });
});

describe('markdown to WhatsApp formatting', () => {
  it('maps bold, italic, strike and headings', () => {
    expect(markdownToWhatsApp('**vet** en *schuin* en _ook schuin_ en ~~weg~~')).toBe('*vet* en _schuin_ en _ook schuin_ en ~weg~');
    expect(markdownToWhatsApp('## Kopje')).toBe('*Kopje*');
    expect(markdownToWhatsApp('__vet__')).toBe('*vet*');
  });

  it('keeps lists readable and emoji untouched', () => {
    expect(markdownToWhatsApp('* een 😊\n* twee\n1. drie')).toBe('- een 😊\n- twee\n1. drie');
  });

  it('writes links as text with the address', () => {
    expect(markdownToWhatsApp('Bel [113](https://www.113.nl) of ga naar <x>')).toBe('Bel 113 (https://www.113.nl) of ga naar <x>');
  });

  it('leaves code exactly as written', () => {
    expect(markdownToWhatsApp('typ `**start**`')).toBe('typ `**start**`');
    expect(markdownToWhatsApp('```\n**x**\n```')).toBe('```\n**x**\n```');
  });

  it('does not treat a lone star or multiplication as italics', () => {
    expect(markdownToWhatsApp('3 * 4 = 12')).toBe('3 * 4 = 12');
  });
});

describe('text limits', () => {
  it('never splits an emoji when cutting', () => {
    const cut = truncate('😊'.repeat(15), 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toMatch(/^(😊)+…$/u);
  });

  it('makes cut titles unique within the limit', () => {
    const titles = uniqueTitles(['Precies twintig tekens', 'Precies twintig tekens!', 'Precies twintig tekens?'], 20);
    expect(new Set(titles).size).toBe(3);
    for (const t of titles) expect(t.length).toBeLessThanOrEqual(20);
  });

  it('splits on paragraphs before sentences before words', () => {
    const a = 'a'.repeat(600);
    const b = 'b'.repeat(600);
    expect(splitText(`${a}\n\n${b}`, 1024)).toEqual([a, b]);
    const words = 'woord '.repeat(400);
    for (const part of splitText(words, 1024)) {
      expect(part.length).toBeLessThanOrEqual(1024);
      expect(part.endsWith('woord')).toBe(true);
    }
  });
});
