/**
 * A structural check of an Adaptive Card against the 1.5 schema (adaptivecards.io/explorer):
 * every element and action is a type 1.5 knows, carries only properties 1.5 defines for it, and
 * enum values are ones 1.5 allows. The adaptivecards npm package in node_modules is 1.2 and
 * would reject 1.3–1.5 features, so the subset HoorMij uses is written out here.
 */
const COMMON = ['type', 'id', 'spacing', 'separator', 'isVisible', 'height', 'requires', 'fallback'];
const SPACING = ['default', 'none', 'small', 'medium', 'large', 'extraLarge', 'padding'];
const ELEMENTS: Record<string, string[]> = {
  TextBlock: ['text', 'wrap', 'size', 'weight', 'color', 'isSubtle', 'fontType', 'horizontalAlignment', 'maxLines', 'style'],
  RichTextBlock: ['inlines', 'horizontalAlignment'],
  Image: ['url', 'altText', 'size', 'width', 'height', 'style', 'horizontalAlignment', 'backgroundColor', 'selectAction'],
  Container: ['items', 'style', 'verticalContentAlignment', 'bleed', 'minHeight', 'rtl', 'selectAction', 'backgroundImage'],
  ColumnSet: ['columns', 'style', 'bleed', 'minHeight', 'horizontalAlignment', 'selectAction'],
  FactSet: ['facts'],
  ActionSet: ['actions'],
  'Input.Text': ['label', 'placeholder', 'isMultiline', 'maxLength', 'value', 'isRequired', 'errorMessage', 'style', 'regex', 'inlineAction'],
};
const COLUMN = ['type', 'items', 'width', 'style', 'verticalContentAlignment', 'minHeight', 'bleed', 'spacing', 'separator', 'isVisible', 'rtl', 'selectAction', 'id'];
const ACTIONS: Record<string, string[]> = {
  'Action.Submit': ['title', 'data', 'associatedInputs', 'iconUrl', 'style', 'id', 'tooltip', 'isEnabled', 'mode'],
  'Action.OpenUrl': ['title', 'url', 'iconUrl', 'style', 'id', 'tooltip', 'isEnabled', 'mode'],
  'Action.ShowCard': ['title', 'card', 'iconUrl', 'style', 'id', 'tooltip', 'isEnabled', 'mode'],
};
const ENUMS: Record<string, string[]> = {
  size: ['default', 'small', 'medium', 'large', 'extraLarge', 'auto', 'stretch'],
  weight: ['default', 'lighter', 'bolder'],
  color: ['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention'],
  fontType: ['default', 'monospace'],
  horizontalAlignment: ['left', 'center', 'right'],
  verticalContentAlignment: ['top', 'center', 'bottom'],
  spacing: SPACING,
};

export function adaptiveCardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const c = card as Record<string, unknown>;
  if (c.type !== 'AdaptiveCard') problems.push('type is not AdaptiveCard');
  if (c.version !== '1.5') problems.push(`version ${String(c.version)} is not 1.5`);
  for (const key of Object.keys(c)) {
    if (!['type', 'version', '$schema', 'body', 'actions', 'fallbackText', 'msteams', 'speak', 'lang', 'minHeight', 'verticalContentAlignment'].includes(key)) problems.push(`card: unknown property ${key}`);
  }
  const enums = (where: string, el: Record<string, unknown>) => {
    for (const [prop, allowed] of Object.entries(ENUMS)) {
      const v = el[prop];
      if (typeof v === 'string' && !allowed.includes(v.charAt(0).toLowerCase() + v.slice(1))) problems.push(`${where}: ${prop} "${v}"`);
    }
  };
  const action = (where: string, a: Record<string, unknown>) => {
    const allowed = ACTIONS[String(a.type)];
    if (!allowed) return problems.push(`${where}: unknown action ${String(a.type)}`);
    for (const key of Object.keys(a)) if (key !== 'type' && !allowed.includes(key)) problems.push(`${where}: ${String(a.type)} has no ${key}`);
    if (typeof a.title !== 'string' || !a.title) problems.push(`${where}: action without title`);
    if (a.type === 'Action.ShowCard') {
      const inner = a.card as Record<string, unknown> | undefined;
      if (inner?.type !== 'AdaptiveCard' || !Array.isArray(inner.body)) problems.push(`${where}: ShowCard without a card body`);
      else inner.body.forEach((el, i) => element(`${where}.card.body[${i}]`, el as Record<string, unknown>));
    }
  };
  const element = (where: string, el: Record<string, unknown>): void => {
    const own = ELEMENTS[String(el.type)];
    if (!own) {
      problems.push(`${where}: unknown element ${String(el.type)}`);
      return;
    }
    for (const key of Object.keys(el)) if (!COMMON.includes(key) && !own.includes(key)) problems.push(`${where}: ${String(el.type)} has no ${key}`);
    enums(where, el);
    if (el.type === 'TextBlock' && typeof el.text !== 'string') problems.push(`${where}: TextBlock without text`);
    if (el.type === 'Input.Text' && (typeof el.id !== 'string' || !el.id)) problems.push(`${where}: Input.Text without id`);
    if (el.type === 'Image') {
      if (typeof el.url !== 'string' || !/^(https:\/\/|data:image\/(png|jpeg|gif);base64,)/.test(el.url)) problems.push(`${where}: Image url must be https or a data URI`);
      if (el.width !== undefined && !/^\d+px$/.test(String(el.width))) problems.push(`${where}: Image width "${String(el.width)}"`);
    }
    if (el.type === 'RichTextBlock') {
      for (const [i, r] of ((el.inlines as Record<string, unknown>[]) ?? []).entries()) {
        if (r.type !== 'TextRun' || typeof r.text !== 'string') problems.push(`${where}.inlines[${i}]: not a TextRun`);
      }
    }
    if (el.type === 'FactSet') {
      for (const [i, f] of ((el.facts as Record<string, unknown>[]) ?? []).entries()) {
        if (typeof f.title !== 'string' || typeof f.value !== 'string') problems.push(`${where}.facts[${i}]: title and value must be text`);
      }
    }
    if (el.type === 'Container') ((el.items as Record<string, unknown>[]) ?? []).forEach((x, i) => element(`${where}.items[${i}]`, x));
    if (el.type === 'ColumnSet') {
      for (const [i, col] of ((el.columns as Record<string, unknown>[]) ?? []).entries()) {
        if (col.type !== 'Column') problems.push(`${where}.columns[${i}]: not a Column`);
        for (const key of Object.keys(col)) if (!COLUMN.includes(key)) problems.push(`${where}.columns[${i}]: Column has no ${key}`);
        enums(`${where}.columns[${i}]`, col);
        ((col.items as Record<string, unknown>[]) ?? []).forEach((x, j) => element(`${where}.columns[${i}].items[${j}]`, x));
      }
    }
    if (el.type === 'ActionSet') ((el.actions as Record<string, unknown>[]) ?? []).forEach((a, i) => action(`${where}.actions[${i}]`, a));
  };
  if (!Array.isArray(c.body)) problems.push('body is not a list');
  else c.body.forEach((el, i) => element(`body[${i}]`, el as Record<string, unknown>));
  if (c.actions !== undefined) {
    if (!Array.isArray(c.actions)) problems.push('actions is not a list');
    else c.actions.forEach((a, i) => action(`actions[${i}]`, a as Record<string, unknown>));
  }
  return problems;
}

/** Teams refuses a message above about 28 KB; the card must leave room for the activity around it. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;
