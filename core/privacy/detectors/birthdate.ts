import type { PiiSpan } from '../span';

// A date is only personal data here when it is someone's birth date: "geboren op 21/04/2010",
// "my date of birth is 30/11/2009". Other dates (an appointment on 3 March) stay as written.
const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec|january|february|march|may|june|july|august|october';
const DATE = `(?:\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th|e|ste|de)?\\s+(?:${MONTHS})\\.?\\s+\\d{4}|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;
const CUE = '(?:geboren|born|geboortedatum|geb\\.|date\\s+of\\s+birth|birth\\s*date|birthday|dob|d\\.o\\.b\\.|verjaardag|jarig)';
const NEAR = new RegExp(`${CUE}(?:[\\s:,]+[\\p{L}]+){0,3}?[\\s:,]+(${DATE})|(${DATE})(?:[\\s,]+[\\p{L}]+){0,2}?[\\s,]+${CUE}`, 'giu');

export function findBirthdates(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of text.matchAll(NEAR)) {
    const date = m[1] ?? m[2]!;
    const start = m.index + m[0].indexOf(date);
    spans.push({ start, end: start + date.length, kind: 'birthdate' });
  }
  return spans;
}
