export interface Helpline {
  id: string;
  name: string;
  /** Plain digits and a dash, as it is dialled: a channel can turn it into a tap-to-call link. */
  number: string;
  /** Only where shared/reference/standards.md states it; otherwise null and the reply says nothing about hours. */
  hours: '24/7' | null;
}

export type HelplineCountry = 'NL' | 'BE';

/** The emergency number; the reply shows it as a separate line about acute danger. */
export const EMERGENCY_LINE_ID = 'emergency';

// Names are proper nouns; what each line is for lives in locales/<lng>/safeguarding.json (line.<id>).
// Numbers and hours as shared/reference/standards.md states them; re-check both before launch.
// Never add opening hours the standards do not give.
const LINES: Record<HelplineCountry, readonly Helpline[]> = {
  NL: [
    { id: 'kindertelefoon', name: 'De Kindertelefoon', number: '0800-0432', hours: null },
    { id: 'zelfmoordpreventie', name: '113 Zelfmoordpreventie', number: '0800-0113', hours: '24/7' },
    { id: 'veilig-thuis', name: 'Veilig Thuis', number: '0800-2000', hours: '24/7' },
    { id: EMERGENCY_LINE_ID, name: '112', number: '112', hours: null },
  ],
  BE: [
    { id: 'awel', name: 'Awel', number: '102', hours: null },
    { id: 'zelfmoordlijn', name: 'Zelfmoordlijn', number: '1813', hours: null },
    { id: 'hulplijn-1712', name: 'Hulplijn 1712', number: '1712', hours: null },
    { id: EMERGENCY_LINE_ID, name: '112', number: '112', hours: null },
  ],
};

/** The helplines to show in a country, most specific first and the emergency number last. */
export function helplinesFor(country: HelplineCountry): Helpline[] {
  return LINES[country].map((line) => ({ ...line }));
}
