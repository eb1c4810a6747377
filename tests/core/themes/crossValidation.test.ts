import { crossValidate } from './crossValidate';

// The shipped tagger learns from the real development part, so its figure there is cross-validated.
const CROSS_VALIDATED_FLOOR = 0.45;

describe('theme tagger on the real development part, 5-fold cross-validated', () => {
  it('tags statements it did not learn from at least as well as before the multi-label model', () => {
    const cv = crossValidate();
    console.log(`real-dev, 5-fold cross-validation\n${cv.report}`);
    expect(cv.macroF1).toBeGreaterThanOrEqual(CROSS_VALIDATED_FLOOR);
  });
});
