/**
 * Bot Framework markdown → WhatsApp formatting. WhatsApp knows *bold*, _italic_, ~strike~,
 * `code`, ```mono```, "- " / "1. " lists and "> " quotes; everything else is shown literally,
 * so markdown that WhatsApp does not read is turned into plain text. Emoji pass through.
 */

const BOLD = '\u0001';
const CODE = '\u0002';

function convertLine(line: string): string {
  let out = line;
  // Headings have no WhatsApp form; bold keeps them visible as headings.
  const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(out);
  if (heading) out = `**${heading[1].replace(/\*\*/g, '')}**`;
  // "* item" / "+ item" would read as bold markers; WhatsApp lists use "- ".
  out = out.replace(/^(\s*)[*+]\s+/, '$1- ');
  out = out.replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`));
  out = out.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, `${BOLD}$1${BOLD}`);
  out = out.replace(/__(?=\S)(.+?)(?<=\S)__/g, `${BOLD}$1${BOLD}`);
  out = out.replace(/(?<![\\*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])/g, '_$1_');
  out = out.replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '~$1~');
  out = out.replace(new RegExp(BOLD, 'g'), '*');
  // A markdown hard break (two trailing spaces) is just a newline on WhatsApp.
  return out.replace(/ {2,}$/, '');
}

export function markdownToWhatsApp(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let inFence = false;
  for (const line of lines) {
    if (/^\s*```/.test(line)) {
      inFence = !inFence;
      out.push(line.trim());
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    // Inline code is left exactly as written.
    const spans: string[] = [];
    const masked = line.replace(/`[^`\n]+`/g, (m) => {
      spans.push(m);
      return `${CODE}${spans.length - 1}${CODE}`;
    });
    out.push(convertLine(masked).replace(new RegExp(`${CODE}(\\d+)${CODE}`, 'g'), (_m, i: string) => spans[Number(i)]));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
