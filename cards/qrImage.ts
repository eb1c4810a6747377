import QRCode from 'qrcode';

/** Error correction M: survives a scratched print-out and keeps a session link at ~33 modules. */
export const QR_ERROR_CORRECTION = 'M' as const;

/** The QR code of `link` as a PNG data URI, small enough for an Adaptive Card in Teams. */
export async function qrPngDataUri(link: string): Promise<string> {
  return QRCode.toDataURL(link, { errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4, scale: 4, type: 'image/png' });
}
