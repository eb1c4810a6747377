import { extname } from 'node:path';
import QRCode from 'qrcode';
import { isSessionCode, normalizeSessionCode } from '../core/sessionCodes';
import type { Locale } from '../core/types';
import { translatorFor } from '../locales';
import { UsageError } from './args';

export interface QrArgs {
  code: string;
  baseUrl: string;
  /** .png or .svg; without it the QR code goes to the terminal. */
  out?: string;
  /** Language of error messages (default nl). */
  lang?: Locale;
}

/** The link a QR code opens: the web chat with the session code filled in. */
export function sessionLink(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/?code=${encodeURIComponent(code)}`;
}

/**
 * `npx hoormij qr --code K7PX4M [--base-url URL] [--out FILE.png|.svg]`: a QR code for a session
 * link that a professional can print or show. Prints the link too, so it can be sent as text.
 */
export async function runQr(args: QrArgs, stdout: NodeJS.WritableStream): Promise<number> {
  const t = translatorFor(args.lang ?? 'nl');
  const code = normalizeSessionCode(args.code);
  if (!isSessionCode(code)) throw new UsageError(t('web:qr.badCode', { code: args.code }));
  if (!isHttpUrl(args.baseUrl)) throw new UsageError(t('web:qr.badBaseUrl', { url: args.baseUrl }));
  const link = sessionLink(args.baseUrl, code);

  if (!args.out) {
    const qr = await QRCode.toString(link, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
    // The terminal renderer ends on colour codes without a newline; the link belongs on its own line.
    stdout.write(`${qr}\n${link}\n`);
    return 0;
  }
  const ext = extname(args.out).toLowerCase();
  if (ext !== '.png' && ext !== '.svg') throw new UsageError(t('web:qr.badOut', { file: args.out }));
  // A margin of 4 modules is the quiet zone scanners need; 8 px per module prints sharply.
  await QRCode.toFile(args.out, link, { type: ext === '.png' ? 'png' : 'svg', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
  stdout.write(`${t('web:qr.saved', { file: args.out })}\n${link}\n`);
  return 0;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}
