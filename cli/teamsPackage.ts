import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { translatorFor } from '../locales';
import { UsageError } from './args';
import { encodePng } from './pngEncoder';
import { storeZip } from './storeZip';
import { colorIcon, outlineIcon } from './teamsIcons';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Used in the developer links when no public address is known yet; to be replaced before publishing. */
export const PLACEHOLDER_BASE_URL = 'https://example.org/hoormij';

/** appPackage/ next to the sources, also when running from dist/cli. */
export function appPackageDir(): string {
  for (const dir of [resolve(__dirname, '..', 'appPackage'), resolve(__dirname, '..', '..', 'appPackage')]) {
    if (existsSync(join(dir, 'manifest.json'))) return dir;
  }
  throw new Error(`appPackage folder not found near ${__dirname}`);
}

/** The committed icon, or the generated one when an organisation removed the file. */
function icon(dir: string, file: string, draw: () => Buffer): Buffer {
  const path = join(dir, file);
  return existsSync(path) ? readFileSync(path) : draw();
}

export function buildManifest(template: string, botId: string, baseUrl: string): string {
  const url = new URL(baseUrl);
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const filled = template.replaceAll('{{BOT_ID}}', botId.toLowerCase()).replaceAll('{{BASE_URL}}', base).replaceAll('{{BASE_HOST}}', url.host);
  return `${JSON.stringify(JSON.parse(filled), null, 2)}\n`;
}

/**
 * `npx hoormij teams-package --bot-id <id>`: the zip a Teams admin uploads (manifest.json,
 * nl.json, color.png 192×192, outline.png 32×32), with the bot id and the public address filled in.
 */
export async function runTeamsPackage(args: { botId: string; out: string; baseUrl?: string }, out: NodeJS.WritableStream): Promise<number> {
  const t = translatorFor('nl');
  if (!GUID.test(args.botId)) throw new UsageError(t('digest:cli.badBotId', { botId: args.botId }));
  const baseUrl = args.baseUrl ?? PLACEHOLDER_BASE_URL;
  try {
    new URL(baseUrl);
  } catch {
    throw new UsageError(t('digest:cli.badBaseUrl', { url: baseUrl }));
  }
  const dir = appPackageDir();
  const manifest = buildManifest(readFileSync(join(dir, 'manifest.json'), 'utf8'), args.botId, baseUrl);
  const zip = storeZip([
    { name: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
    { name: 'nl.json', data: readFileSync(join(dir, 'nl.json')) },
    { name: 'color.png', data: icon(dir, 'color.png', () => encodePng(colorIcon())) },
    { name: 'outline.png', data: icon(dir, 'outline.png', () => encodePng(outlineIcon())) },
  ]);
  writeFileSync(args.out, zip);
  if (!baseUrl.startsWith('https://')) out.write(`${t('digest:cli.packageHttp', { url: baseUrl })}\n`);
  out.write(`${t('digest:cli.packageWritten', { file: args.out, bytes: zip.length })}\n`);
  return 0;
}
