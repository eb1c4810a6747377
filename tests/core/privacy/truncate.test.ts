import { truncateText } from '../../../core/privacy/scrub';
import { translatorFor } from '../../../locales';

describe('truncateText', () => {
  it('leaves a text that fits untouched', () => {
    expect(truncateText('Het was fijn', 12)).toEqual({ text: 'Het was fijn', truncated: false });
  });

  it('cuts at the last word boundary before the limit', () => {
    expect(truncateText('De wachtlijst was veel te lang', 20)).toEqual({ text: 'De wachtlijst was', truncated: true });
  });

  it('cuts inside a word when backing off to a space would lose too much', () => {
    expect(truncateText('Ja supercalifragilistisch', 20)).toEqual({ text: 'Ja supercalifragilis', truncated: true });
  });

  it('counts emoji as one character and never splits one in half', () => {
    const result = truncateText('😊😊😊😊😊', 3);
    expect(result).toEqual({ text: '😊😊😊', truncated: true });
    expect(Array.from(result.text)).toHaveLength(3);
  });

  it('drops a dangling emoji joiner at the cut', () => {
    expect(truncateText('ab👩\u200d👩', 4)).toEqual({ text: 'ab👩', truncated: true });
  });

  it('has a notice for the cut in both languages', () => {
    expect(translatorFor('nl')('privacy:truncated', { max: 500 })).toContain('500');
    expect(translatorFor('en')('privacy:truncated', { max: 500 })).toContain('500');
  });
});
