import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigDataError, loadConfigData, SAFEGUARDING_WORDS_FILE } from '../../../core/configData';

const CONFIG = join(__dirname, '..', '..', '..', 'config');

describe("an organisation's own danger words (CONFIG_DIR/safeguarding-words.json)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hoormij-words-'));
    cpSync(CONFIG, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the built-in lists when there is no file', () => {
    expect(loadConfigData(dir).danger.detect('hij slaat me').flagged).toBe(true);
    expect(loadConfigData(dir).danger.detect('de mentor tikt me steeds').flagged).toBe(false);
  });

  it('adds words to a concept and new rules, without code', () => {
    writeFileSync(
      join(dir, SAFEGUARDING_WORDS_FILE),
      JSON.stringify({
        lexicons: [
          { language: 'nl', concepts: { hitVerb: ['tikt'], perp: ['mentor'], bendeWoord: ['ronselt*'] }, rules: [{ category: 'violence-threat', all: ['bendeWoord', 'victim'] }] },
          { language: 'en', concepts: { family: ['stepnan'] } },
        ],
      }),
    );
    const { danger } = loadConfigData(dir);
    expect(danger.detect('de mentor tikt me steeds')).toEqual({ flagged: true, categories: ['abuse'] });
    expect(danger.detect('die jongen ronselt me voor de bende')).toEqual({ flagged: true, categories: ['violence-threat'] });
    expect(danger.detect('my stepnan hits me').flagged).toBe(true);
    // the built-in words are still there
    expect(danger.detect('ik wil dood').flagged).toBe(true);
  });

  it.each([
    [{ lexicons: [{ language: 'nl', concepts: { hitVerb: ['Slaat!'] } }] }, /concepts\.hitVerb\.0: a term is written in lower case/],
    [{ lexicons: [{ language: 'nl', rules: [{ category: 'abuse', all: ['nietBestaand'] }] }] }, /unknown concept "nietBestaand"/],
    [{ lexicons: [{ language: 'fr' }] }, /language/],
  ])('stops the start-up with a message that names the file and the mistake', (content, message) => {
    writeFileSync(join(dir, SAFEGUARDING_WORDS_FILE), JSON.stringify(content));
    expect(() => loadConfigData(dir)).toThrow(ConfigDataError);
    expect(() => loadConfigData(dir)).toThrow(message);
    expect(() => loadConfigData(dir)).toThrow(SAFEGUARDING_WORDS_FILE);
  });
});
