import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let found: string | undefined;

/**
 * HoorMij's own folder (where its package.json is), found from this file: the same from the
 * sources under ts-jest and from dist/ after a build, whatever the working directory, so
 * `node /path/to/hoormij/bin/hoormij.js` works from any folder.
 */
export function packageDir(): string {
  if (found) return found;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'hoormij') return (found = dir);
    if (dirname(dir) === dir) throw new Error(`HoorMij's package.json not found above ${__dirname}`);
  }
}

/** A path inside the package (config/, locales/, web/, appPackage/). */
export function packagePath(...segments: string[]): string {
  return join(packageDir(), ...segments);
}
