import { helplinesFor } from '../../../core/safeguarding/helplines';

describe('helplinesFor', () => {
  it('gives the Dutch lines with 112 last', () => {
    expect(helplinesFor('NL').map((l) => [l.name, l.number])).toEqual([
      ['De Kindertelefoon', '0800-0432'],
      ['113 Zelfmoordpreventie', '0800-0113'],
      ['Veilig Thuis', '0800-2000'],
      ['112', '112'],
    ]);
  });

  it('gives the Flemish lines with 112 last', () => {
    expect(helplinesFor('BE').map((l) => [l.name, l.number])).toEqual([
      ['Awel', '102'],
      ['Zelfmoordlijn', '1813'],
      ['Hulplijn 1712', '1712'],
      ['112', '112'],
    ]);
  });

  it('hands out copies, so a caller cannot change the list for others', () => {
    helplinesFor('NL')[0].number = '0000';
    expect(helplinesFor('NL')[0].number).toBe('0800-0432');
  });
});
