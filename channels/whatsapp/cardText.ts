/**
 * WhatsApp renders no cards. Adaptive Cards and hero cards become plain text (TextBlocks,
 * RichTextBlocks, FactSets, containers) plus the choices they offer (submit actions, choice
 * sets, hero buttons), which the renderer then turns into buttons, a list or numbered text.
 */

export interface Choice {
  title: string;
  /** What the bot expects back when this choice is picked (the reply id on WhatsApp). */
  value: string;
}

export interface Link {
  title: string;
  url: string;
}

export interface RenderedCard {
  lines: string[];
  choices: Choice[];
  links: Link[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The value a typed or tapped choice should send back: a string as is, else the title. */
function submitValue(data: unknown, title: string): string {
  if (typeof data === 'string' || typeof data === 'number') return String(data);
  if (isObject(data)) {
    for (const key of ['value', 'choice', 'answer', 'text']) {
      const v = data[key];
      if (typeof v === 'string' || typeof v === 'number') return String(v);
    }
  }
  return title;
}

function emphasise(text: string, element: Json): string {
  const bold = element.weight === 'Bolder' || element.style === 'heading' || element.size === 'Large' || element.size === 'ExtraLarge';
  return bold && !text.includes('\n') ? `**${text}**` : text;
}

function walkActions(actions: unknown[], out: RenderedCard): void {
  for (const action of actions) {
    if (!isObject(action)) continue;
    const title = str(action.title);
    switch (action.type) {
      case 'Action.Submit':
      case 'Action.Execute':
        if (title) out.choices.push({ title, value: submitValue(action.data, title) });
        break;
      case 'Action.OpenUrl':
        if (str(action.url)) out.links.push({ title: title ?? String(action.url), url: String(action.url) });
        break;
      case 'Action.ShowCard':
        if (isObject(action.card)) walkAdaptive(action.card, out);
        break;
      default:
        break;
    }
  }
}

function walkElements(elements: unknown[], out: RenderedCard): void {
  for (const element of elements) {
    if (!isObject(element) || element.isVisible === false) continue;
    switch (element.type) {
      case 'TextBlock': {
        const text = str(element.text);
        if (text) out.lines.push(emphasise(text, element));
        break;
      }
      case 'RichTextBlock': {
        const text = arr(element.inlines)
          .map((i) => (typeof i === 'string' ? i : isObject(i) ? (str(i.text) ? emphasise(String(i.text), i) : '') : ''))
          .join('');
        if (text.trim()) out.lines.push(text);
        break;
      }
      case 'FactSet':
        for (const fact of arr(element.facts)) {
          if (!isObject(fact)) continue;
          const title = str(fact.title)?.replace(/:\s*$/, '');
          const value = str(fact.value) ?? '';
          if (title || value) out.lines.push(title ? `**${title}:** ${value}`.trim() : value);
        }
        break;
      case 'Container':
        walkElements(arr(element.items), out);
        break;
      case 'ColumnSet':
        for (const column of arr(element.columns)) if (isObject(column)) walkElements(arr(column.items), out);
        break;
      case 'Table':
        for (const row of arr(element.rows)) {
          if (!isObject(row)) continue;
          const cells: RenderedCard = { lines: [], choices: [], links: [] };
          for (const cell of arr(row.cells)) if (isObject(cell)) walkElements(arr(cell.items), cells);
          if (cells.lines.length) out.lines.push(cells.lines.join(' | '));
        }
        break;
      case 'ActionSet':
        walkActions(arr(element.actions), out);
        break;
      case 'Input.ChoiceSet':
        for (const choice of arr(element.choices)) {
          if (isObject(choice) && str(choice.title)) out.choices.push({ title: String(choice.title), value: String(choice.value ?? choice.title) });
        }
        break;
      default:
        // Charts and images carry a title or alt text at most; the numbers are not readable as text.
        if (str(element.title)) out.lines.push(String(element.title));
        else if (str(element.altText)) out.lines.push(String(element.altText));
        break;
    }
  }
}

function walkAdaptive(card: Json, out: RenderedCard): void {
  const before = out.lines.length;
  walkElements(arr(card.body), out);
  if (out.lines.length === before) {
    const fallback = str(card.fallbackText) ?? str(card.speak);
    if (fallback) out.lines.push(fallback);
  }
  walkActions(arr(card.actions), out);
}

function walkHero(card: Json, out: RenderedCard): void {
  for (const key of ['title', 'subtitle', 'text'] as const) {
    const value = str(card[key]);
    if (value) out.lines.push(key === 'title' ? `**${value}**` : value);
  }
  for (const button of arr(card.buttons)) {
    if (!isObject(button)) continue;
    const title = str(button.title) ?? str(button.value);
    if (!title) continue;
    if (button.type === 'openUrl' && str(button.value)) out.links.push({ title, url: String(button.value) });
    else out.choices.push({ title, value: submitValue(button.value ?? button.text, title) });
  }
}

const HERO_TYPES = new Set([
  'application/vnd.microsoft.card.hero',
  'application/vnd.microsoft.card.thumbnail',
]);

/** Renders one attachment; undefined for attachments that are not cards (files, images). */
export function renderCard(attachment: { contentType?: string; content?: unknown }): RenderedCard | undefined {
  const out: RenderedCard = { lines: [], choices: [], links: [] };
  if (!isObject(attachment.content)) return undefined;
  if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') walkAdaptive(attachment.content, out);
  else if (attachment.contentType && HERO_TYPES.has(attachment.contentType)) walkHero(attachment.content, out);
  else return undefined;
  return out;
}
