import { evaluateSessionCheck } from '../../core/sessionCheck';

describe('evaluateSessionCheck', () => {
  it.each([
    [[5, 5, 5, 5], false],
    [[5, 5, 4, 4], false],
    [[5, 4, 4, 4], true],
    [[5, 5, 5, 3], true],
    [[1, 5, 5, 5], true],
    [[5, null, 5, 5], false],
    [[4, null, 4, 5], true],
    [[null, null, 3, null], true],
    [[null, null, null, null], false],
  ])('marks %p as worth talking about: %p', (scores, expected) => {
    expect(evaluateSessionCheck(scores).worthTalkingAbout).toBe(expected);
  });

  it('adds up the answered items only', () => {
    expect(evaluateSessionCheck([4, null, 5, 3])).toEqual({ total: 12, answered: 3, max: 15, worthTalkingAbout: true });
  });
});
