import QRCode from 'qrcode';
import { instructionLines } from '../../cards/sessionCodeCard';
import { QR_ERROR_CORRECTION } from '../../cards/qrImage';
import type { Translate } from '../../core/translate';
import { keepLastWordsTogether, type PosterContent } from './posterLayout';

/** What the poster says, in one language; the QR modules are the same ones the card's image has. */
export function posterContent(args: { code: string; link: string; projectName: string; t: Translate }): PosterContent {
  const { t } = args;
  const [line1, line2] = instructionLines(t, 'poster', args.link, args.code);
  const qr = QRCode.create(args.link, { errorCorrectionLevel: QR_ERROR_CORRECTION }).modules;
  return {
    title: t('poster:title'),
    projectName: args.projectName,
    code: args.code,
    line1,
    line2: keepLastWordsTogether(line2),
    privacy: t('poster:privacy'),
    modules: { size: qr.size, dark: Array.from(qr.data as Uint8Array, (v) => v === 1) },
  };
}
