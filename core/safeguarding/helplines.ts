export interface Helpline {
  id: string;
  name: string;
  number: string;
}

export type HelplineCountry = 'NL' | 'BE';

/** The emergency number; the reply shows it as a separate line about acute danger. */
export const EMERGENCY_LINE_ID = 'emergency';

// Names are proper nouns; what each line is for lives in locales/<lng>/safeguarding.json (line.<id>).
// Re-check numbers and opening hours before launch (shared/reference/standards.md).
const LINES: Record<HelplineCountry, readonly Helpline[]> = {
  NL: [
    { id: 'kindertelefoon', name: 'De Kindertelefoon', number: '0800-0432' },
    { id: 'zelfmoordpreventie', name: '113 Zelfmoordpreventie', number: '0800-0113' },
    { id: 'veilig-thuis', name: 'Veilig Thuis', number: '0800-2000' },
    { id: EMERGENCY_LINE_ID, name: '112', number: '112' },
  ],
  BE: [
    { id: 'awel', name: 'Awel', number: '102' },
    { id: 'zelfmoordlijn', name: 'Zelfmoordlijn', number: '1813' },
    { id: 'hulplijn-1712', name: 'Hulplijn', number: '1712' },
    { id: EMERGENCY_LINE_ID, name: '112', number: '112' },
  ],
};

/** The helplines to show in a country, most specific first and the emergency number last. */
export function helplinesFor(country: HelplineCountry): Helpline[] {
  return LINES[country].map((line) => ({ ...line }));
}
