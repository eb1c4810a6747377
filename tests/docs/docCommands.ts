import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One `npx hoormij …` command as a document shows it. */
export interface DocCommand {
  /** The document, relative to the repository, and the line the command starts on (1-based). */
  file: string;
  line: number;
  command: string;
  /** The reason given in a `<!-- docs-test: skip (reason) -->` marker, when there is one. */
  skip?: string;
}

const SKIP = /<!--\s*docs-test:\s*skip\s*\(([^)]+)\)\s*-->/;
const FENCE = /^\s*(```|~~~)/;
const INLINE = /`(npx hoormij\b[^`]*)`/g;

/**
 * The `npx hoormij` commands of a Markdown text: every line of a fenced block that starts with one
 * (a trailing backslash continues it), and every inline code span that holds one (Markdown joins a
 * span broken over two lines with a space). A skip marker on the line before applies to that line,
 * or to the whole block when the next line opens a fence.
 */
export function extractCommands(file: string, text: string): DocCommand[] {
  const lines = text.split(/\r?\n/);
  const out: DocCommand[] = [];
  const skipFor = new Map<number, string>();
  lines.forEach((l, i) => {
    const m = SKIP.exec(l);
    if (m) skipFor.set(i + 1, m[1].trim());
  });
  let fence: { skip?: string } | undefined;
  let paragraph: number[] = [];
  const flush = () => {
    if (!paragraph.length) return;
    const starts: number[] = [];
    let joined = '';
    for (const i of paragraph) {
      starts.push(joined.length);
      joined += `${lines[i]} `;
    }
    for (const m of joined.matchAll(INLINE)) {
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1] <= m.index!) k++;
      const at = paragraph[k];
      out.push({ file, line: at + 1, command: m[1].replace(/\s+/g, ' ').trim(), skip: skipFor.get(at) });
    }
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) {
      flush();
      fence = fence ? undefined : { skip: skipFor.get(i) };
      continue;
    }
    if (fence) {
      if (!/^\s*npx hoormij\b/.test(line)) continue;
      const start = i;
      let command = line.trim();
      while (command.endsWith('\\') && i + 1 < lines.length) command = `${command.slice(0, -1).trimEnd()} ${lines[++i].trim()}`;
      out.push({ file, line: start + 1, command, skip: fence.skip ?? skipFor.get(start) });
      continue;
    }
    if (line.trim() === '') flush();
    else paragraph.push(i);
  }
  flush();
  return out;
}

/** README.md, then docs/*.md in alphabetical order: the order a reader meets them. */
export function repositoryDocs(root: string): { file: string; text: string }[] {
  const files = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
  return files.map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
}

/** The sub-command: `npx hoormij qr --code …` → `qr`. */
export function subcommand(command: string): string {
  return command.split(/\s+/)[2] ?? '';
}
