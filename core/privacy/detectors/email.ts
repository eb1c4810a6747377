import type { PiiSpan } from '../span';

const PLAIN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// "sanne (at) gmail (dot) com": people dodge filters this way, so catch the common spellings.
const SPELLED =
  /[\p{L}\p{N}._%+-]+\s*[[(]\s*(?:at|apenstaartje)\s*[\])]\s*[\p{L}\p{N}-]+(?:\s*(?:\.|[[(]\s*(?:dot|punt)\s*[\])])\s*[\p{L}\p{N}-]+)+/giu;

export function findEmails(text: string): PiiSpan[] {
  if (!text.includes('@') && !/[[(]\s*(?:at|apenstaartje)\s*[\])]/i.test(text)) return [];
  const spans: PiiSpan[] = [];
  for (const re of [PLAIN, SPELLED]) {
    for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'email' });
  }
  return spans;
}
