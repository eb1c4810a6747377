import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import QRCode from 'qrcode';
import { linkWarning } from '../cards/sessionCodeCard';
import { linkProblem, sessionLink } from '../core/sessionLink';
import { isSessionCode, normalizeSessionCode } from '../core/sessionCodes';
import { LOCALES, type Locale } from '../core/types';
import { translatorFor } from '../locales';
import { UsageError } from './args';
import { posterContent } from './poster/posterContent';
import { renderPosterPdf } from './poster/posterPdf';
import { renderPosterPng } from './poster/posterPng';

export { sessionLink } from '../core/sessionLink';

export interface QrArgs {
  code: string;
  baseUrl: string;
  /** False when baseUrl is the localhost fallback because PUBLIC_BASE_URL is missing (default true). */
  baseUrlConfigured?: boolean;
  /** .png or .svg; without it the QR code goes to the terminal. With `poster`: the files' name without extension. */
  out?: string;
  /** Language of messages (default nl). */
  lang?: Locale;
  /** A printable A6 card instead of a bare QR code: the project's name in each language given. */
  poster?: { projectName: Record<Locale, string>; langs?: Locale[] };
}

/**
 * `npx hoormij qr --code K7PX4M [--base-url URL] [--out FILE.png|.svg] [--poster]`: a QR code
 * for a session link that a professional can print or show, or with --poster an A6 card (PNG
 * and PDF) for a notice board. Prints the link too, so it can be sent as text, and a warning
 * on `warnings` when the link will not open on a phone.
 */
export async function runQr(args: QrArgs, stdout: NodeJS.WritableStream, warnings: NodeJS.WritableStream = stdout): Promise<number> {
  const t = translatorFor(args.lang ?? 'nl');
  const code = normalizeSessionCode(args.code);
  if (!isSessionCode(code)) throw new UsageError(t('web:qr.badCode', { code: args.code }));
  if (!isHttpUrl(args.baseUrl)) throw new UsageError(t('web:qr.badBaseUrl', { url: args.baseUrl }));
  const link = sessionLink(args.baseUrl, code);
  const warning = linkWarning(t, linkProblem(args.baseUrl, args.baseUrlConfigured ?? true), link);
  if (warning) warnings.write(`${warning}\n`);

  if (args.poster) {
    const stem = args.out ? args.out.replace(/\.(png|pdf)$/i, '') : `poster-${code}`;
    const files: string[] = [];
    for (const lang of args.poster.langs ?? LOCALES) {
      const content = posterContent({ code, link, projectName: args.poster.projectName[lang], t: translatorFor(lang) });
      for (const [ext, render] of [['png', renderPosterPng], ['pdf', renderPosterPdf]] as const) {
        const file = `${stem}-${lang}.${ext}`;
        writeFileSync(file, render(content));
        files.push(file);
      }
    }
    stdout.write(`${t('poster:saved', { files: files.join(', ') })}\n${link}\n`);
    return 0;
  }
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
