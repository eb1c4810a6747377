import type { PiiKind } from './scrub';

/** A stretch of text [start, end) that a detector recognised as personal data. */
export interface PiiSpan {
  start: number;
  end: number;
  kind: PiiKind;
}

/** Detectors read the original text and return spans; they never rewrite it. */
export type Detector = (text: string) => PiiSpan[];
