import { languageActions, scaleActions, skipActions, yesNoActions } from '../../cards/choiceActions';
import { translatorFor } from '../../locales';

describe.each(['nl', 'en'] as const)('choice actions (%s)', (lng) => {
  const t = translatorFor(lng);

  it('offers the scale as digits with an emoji in the title', () => {
    const actions = scaleActions(t);
    expect(actions.map((a) => a.value)).toEqual(['1', '2', '3', '4', '5']);
    actions.forEach((a, i) => expect(a.title).toBe(`${i + 1} ${t(`scale:emoji.${i + 1}`)}`));
  });

  it('offers a single skip on the open question', () => {
    expect(skipActions(t).map((a) => a.title)).toEqual([t('questions:skip')]);
  });

  it('offers yes/no and both languages, every one sent back as typed text', () => {
    for (const a of [...yesNoActions(t), ...languageActions(t)]) {
      expect(a.type).toBe('imBack');
      expect(a.value).toBe(a.title);
    }
    expect(languageActions(t)).toHaveLength(2);
  });
});
