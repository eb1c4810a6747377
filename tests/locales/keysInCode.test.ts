import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadResources } from '../../locales';
import { LOCALES } from '../../core/types';

const ROOT = join(__dirname, '..', '..');
const SOURCES = ['bot', 'dialogs', 'cards', 'core', 'storage', 'channels', 'cli', 'web', 'bench'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every text key of a language as "namespace:path", context and plural suffixes kept. */
function keysOf(lng: (typeof LOCALES)[number]): Set<string> {
  const out = new Set<string>();
  const walk = (ns: string, tree: unknown, prefix: string) => {
    if (typeof tree === 'string') out.add(`${ns}:${prefix}`);
    else if (tree && typeof tree === 'object') for (const [k, v] of Object.entries(tree)) walk(ns, v, prefix ? `${prefix}.${k}` : k);
  };
  for (const [ns, tree] of Object.entries(loadResources()[lng])) walk(ns, tree, '');
  return out;
}

const SUFFIX = /(_(parent|youth))?(_(zero|one|two|few|many|other))?$/;
const namespaces = Object.keys(loadResources().nl);
// 'ns:a.b' in quotes, or `ns:a.${x}` in a template literal (the ${…} part is any key segment).
const QUOTED = new RegExp(`'((?:${namespaces.join('|')}):[\\w.-]+)'`, 'g');
const TEMPLATE = new RegExp(`\`((?:${namespaces.join('|')}):[\\w.-]*\\$\\{[^\`]*)\``, 'g');

const used: { where: string; key: string; pattern?: RegExp }[] = [];
for (const dir of SOURCES) {
  for (const file of files(join(ROOT, dir))) {
    const text = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    for (const m of text.matchAll(QUOTED)) used.push({ where, key: m[1] });
    for (const m of text.matchAll(TEMPLATE)) {
      const source = m[1]
        .split(/\$\{[^}]*\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\w-]+');
      used.push({ where, key: m[1], pattern: new RegExp(`^${source}$`) });
    }
  }
}

describe('the text keys used in the code', () => {
  it('are found (the scan itself works)', () => {
    expect(used.length).toBeGreaterThan(200);
    expect(used.some((u) => u.pattern)).toBe(true);
  });

  it.each(LOCALES)('all exist in %s', (lng) => {
    const keys = keysOf(lng);
    const bases = new Set([...keys].map((k) => k.replace(SUFFIX, '')));
    const missing = used
      .filter((u) => (u.pattern ? ![...bases].some((b) => u.pattern!.test(b)) : !bases.has(u.key) && !keys.has(u.key)))
      .map((u) => `${u.where}: ${u.key}`);
    expect(missing).toEqual([]);
  });
});
