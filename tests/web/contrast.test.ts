import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const WEB = join(__dirname, '..', '..', 'web');
const styleOptions = JSON.parse(readFileSync(join(WEB, 'styleOptions.json'), 'utf8')) as Record<string, string | number | boolean>;
const css = readFileSync(join(WEB, 'styles.css'), 'utf8');
const cssVar = (name: string) => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m) throw new Error(`--${name} is not defined in styles.css`);
  return m[1];
};
const option = (name: string) => {
  const v = styleOptions[name];
  if (typeof v !== 'string') throw new Error(`styleOptions.${name} is not a colour`);
  return v;
};

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('web chat colours meet WCAG 2.1 AA (the page, and the style options for an embedded Web Chat)', () => {
  it('computes contrast like the WCAG definition (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it.each([
    ['bot bubble text', 'bubbleTextColor', 'bubbleBackground'],
    ['user bubble text', 'bubbleFromUserTextColor', 'bubbleFromUserBackground'],
    ['suggested action', 'suggestedActionTextColor', 'suggestedActionBackgroundColor'],
    ['suggested action on hover', 'suggestedActionTextColorOnHover', 'suggestedActionBackgroundColorOnHover'],
    ['suggested action when pressed', 'suggestedActionTextColorOnActive', 'suggestedActionBackgroundColorOnActive'],
    ['timestamps', 'timestampColor', 'backgroundColor'],
    ['notifications', 'notificationText', 'backgroundColor'],
    ['send box text', 'sendBoxTextColor', 'sendBoxBackground'],
    ['send box placeholder', 'sendBoxPlaceholderColor', 'sendBoxBackground'],
  ])('%s has at least 4.5:1 (normal text)', (_what, fg, bg) => {
    expect(contrast(option(fg), option(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each([
    ['suggested action border', 'suggestedActionBorderColor', 'backgroundColor'],
    ['send button', 'sendBoxButtonColor', 'sendBoxBackground'],
  ])('%s has at least 3:1 (controls)', (_what, fg, bg) => {
    expect(contrast(option(fg), option(bg))).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['bot message text', 'hm-text', 'hm-bubble'],
    ['own message text', 'hm-on-brand', 'hm-brand'],
    ['links and phone numbers in a message', 'hm-brand-dark', 'hm-bubble'],
    ['choice buttons', 'hm-brand', 'hm-bubble'],
    ['choice buttons on hover', 'hm-brand-dark', 'hm-choice-hover'],
    ['times under messages', 'hm-muted', 'hm-page'],
    ['send box placeholder', 'hm-muted', 'hm-bubble'],
    ['not-sent note', 'hm-error', 'hm-page'],
    ['header text', 'hm-on-brand', 'hm-brand'],
    ['chosen language button', 'hm-brand-dark', 'hm-on-brand'],
    ['page text', 'hm-text', 'hm-page'],
    ['status notice', 'hm-notice-text', 'hm-notice-bg'],
  ])('page %s has at least 4.5:1', (_what, fg, bg) => {
    expect(contrast(cssVar(fg), cssVar(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it('outlines bubbles, the text box and its border with at least 3:1 (non-text contrast)', () => {
    expect(contrast(cssVar('hm-border'), cssVar('hm-bubble'))).toBeGreaterThanOrEqual(3);
    expect(contrast(cssVar('hm-border'), cssVar('hm-page'))).toBeGreaterThanOrEqual(3);
    expect(contrast(cssVar('hm-focus'), cssVar('hm-brand'))).toBeGreaterThanOrEqual(3);
  });

  it('gives tap targets at least 44 px (WCAG 2.5.5)', () => {
    for (const selector of ['.choices button', '.sendbox input', '.sendbox button']) {
      expect(css).toMatch(new RegExp(`${selector.replace('.', '\\.')} \\{[^}]*min-height: 4[4-9]px`));
    }
    expect(styleOptions.suggestedActionHeight).toBeGreaterThanOrEqual(44);
    expect(styleOptions.sendBoxHeight).toBeGreaterThanOrEqual(44);
    expect(css).toMatch(/\.lang button \{[^}]*min-height: 4[4-9]px/);
  });
});
