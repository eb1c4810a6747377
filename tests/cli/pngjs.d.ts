/** The part of pngjs (qrcode's own PNG dependency) the QR test reads images with; it ships no types. */
declare module 'pngjs' {
  export interface DecodedPng {
    width: number;
    height: number;
    /** RGBA, 4 bytes per pixel, row by row. */
    data: Buffer;
  }
  export const PNG: { sync: { read(buffer: Buffer): DecodedPng } };
}
