import type { Activity, CardAction } from 'botbuilder';
import type { Translate } from '../../core/translate';
import { renderCard, type Choice, type Link } from './cardText';
import { markdownToWhatsApp } from './markdown';
import {
  MAX_BODY,
  MAX_BUTTON_ID,
  MAX_BUTTON_TITLE,
  MAX_BUTTONS,
  MAX_LIST_BUTTON,
  MAX_LIST_ROWS,
  MAX_ROW_DESCRIPTION,
  MAX_ROW_ID,
  MAX_ROW_TITLE,
  splitText,
  truncate,
  uniqueTitles,
} from './textLimits';

/** The body of a Graph API send request without `messaging_product` and `to`. */
export type WhatsAppMessage =
  | { type: 'text'; text: { preview_url: boolean; body: string } }
  | { type: 'interactive'; interactive: Record<string, unknown> }
  | { type: 'template'; template: Record<string, unknown> };

export interface RenderedActivity {
  messages: WhatsAppMessage[];
  /** Set when choices went out as numbered text: a typed number maps back to a value. */
  numbered?: Choice[];
}

function choiceFromAction(action: CardAction): Choice | Link | undefined {
  const title = typeof action.title === 'string' && action.title.trim() ? action.title.trim() : undefined;
  const value = action.value;
  if (action.type === 'openUrl' || action.type === 'signin' || action.type === 'downloadFile') {
    return typeof value === 'string' && value ? { title: title ?? value, url: value } : undefined;
  }
  const asText = typeof value === 'string' || typeof value === 'number' ? String(value) : typeof action.text === 'string' && action.text ? action.text : title;
  if (!asText) return undefined;
  return { title: title ?? asText, value: asText };
}

function textMessage(body: string): WhatsAppMessage {
  return { type: 'text', text: { preview_url: /https?:\/\//.test(body), body } };
}

function buttonsMessage(body: string, choices: Choice[]): WhatsAppMessage {
  const titles = uniqueTitles(
    choices.map((c) => c.title),
    MAX_BUTTON_TITLE,
  );
  return {
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: body },
      action: { buttons: choices.map((c, i) => ({ type: 'reply', reply: { id: c.value, title: titles[i] } })) },
    },
  };
}

function listMessage(body: string, choices: Choice[], t: Translate): WhatsAppMessage {
  const titles = uniqueTitles(
    choices.map((c) => c.title),
    MAX_ROW_TITLE,
  );
  const rows = choices.map((c, i) => {
    const row: Record<string, string> = { id: c.value, title: titles[i] };
    // A cut title stays readable in full in the row's description.
    if (titles[i] !== c.title.trim()) row.description = truncate(c.title, MAX_ROW_DESCRIPTION);
    return row;
  });
  return {
    type: 'interactive',
    interactive: {
      type: 'list',
      body: { text: body },
      action: { button: truncate(t('whatsapp:list.button'), MAX_LIST_BUTTON), sections: [{ rows }] },
    },
  };
}

/**
 * One bot activity → the WhatsApp messages that say the same. Typing and other non-message
 * activities produce nothing. Choices (suggested actions, card actions) become reply buttons
 * (≤ 3), a list (4–10) or numbered text (more, or values too long to be reply ids).
 */
export function renderActivity(activity: Partial<Activity>, t: Translate): RenderedActivity {
  if (activity.type !== 'message') return { messages: [] };

  const blocks: string[] = [];
  const choices: Choice[] = [];
  const links: Link[] = [];
  if (typeof activity.text === 'string' && activity.text.trim()) blocks.push(activity.text);
  for (const attachment of activity.attachments ?? []) {
    const card = renderCard(attachment);
    if (card) {
      if (card.lines.length) blocks.push(card.lines.join('\n'));
      choices.push(...card.choices);
      links.push(...card.links);
    } else if (attachment.contentUrl && /^https?:\/\//.test(attachment.contentUrl)) {
      links.push({ title: attachment.name ?? attachment.contentUrl, url: attachment.contentUrl });
    }
  }
  for (const action of activity.suggestedActions?.actions ?? []) {
    const c = choiceFromAction(action);
    if (c && 'url' in c) links.push(c);
    else if (c) choices.push(c);
  }
  for (const link of links) blocks.push(link.title === link.url ? link.url : `${link.title}: ${link.url}`);

  // The same value offered twice (a card button and a suggested action) is one choice.
  const unique = choices.filter((c, i) => choices.findIndex((d) => d.value === c.value) === i);
  const text = markdownToWhatsApp(blocks.join('\n\n'));

  if (unique.length === 0) return { messages: splitText(text, MAX_BODY).map(textMessage) };

  const fitsIds = (max: number) => unique.every((c) => c.value.length > 0 && c.value.length <= max);
  if (unique.length <= MAX_BUTTONS && fitsIds(MAX_BUTTON_ID)) {
    const parts = splitText(text || t('whatsapp:choose'), MAX_BODY);
    const body = parts.pop()!;
    return { messages: [...parts.map(textMessage), buttonsMessage(body, unique)] };
  }
  if (unique.length <= MAX_LIST_ROWS && fitsIds(MAX_ROW_ID)) {
    const parts = splitText(text || t('whatsapp:choose'), MAX_BODY);
    const body = parts.pop()!;
    return { messages: [...parts.map(textMessage), listMessage(body, unique, t)] };
  }
  const numbered = unique.map((c, i) => `${i + 1}. ${c.title}`).join('\n');
  const full = [text, numbered, t('whatsapp:numbered.hint')].filter(Boolean).join('\n\n');
  return { messages: splitText(full, MAX_BODY).map(textMessage), numbered: unique };
}
