import type { Digest } from '../core/digest/types';
import type { Translate } from '../core/translate';
import { digestOutline, type Block } from './digestOutline';

/** Respondents' words must never become markdown: no links, headings or tables from a quote. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()<>#+|!~])/g, '\\$1');
}

function markdownOf(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `# ${b.text}\n`;
    case 'heading':
      return `\n## ${b.text}\n`;
    case 'line':
      return b.text;
    case 'note':
      return `_${b.text}_`;
    case 'item':
      return `- **${b.label}**: ${b.text}`;
    case 'quote':
      return `  > “${escapeMarkdown(b.text)}”`;
  }
}

/** The digest as markdown, for the CLI and for channels that show text. */
export function renderDigestMarkdown(d: Digest, t: Translate): string {
  return `${digestOutline(d, t).map(markdownOf).join('\n')}\n`;
}

function textOf(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `${b.text}\n`;
    case 'heading':
      return `\n${b.text.toUpperCase()}`;
    case 'line':
    case 'note':
      return b.text;
    case 'item':
      return `• ${b.label}: ${b.text}`;
    case 'quote':
      return `   “${b.text}”`;
  }
}

/** The digest as plain text without any markup (SMS-like channels, logs of what was sent). */
export function renderDigestText(d: Digest, t: Translate): string {
  return `${digestOutline(d, t).map(textOf).join('\n')}\n`;
}
