import { reportMissingKeys } from '../../locales';

/**
 * Jest's setupFilesAfterEnv: every test fails when the code under test looked up a text that
 * nl or en does not have. Without this the translator shows the key's name ("consent:ask") and
 * a transcript that expects the same missing key passes. Collected rather than thrown, so a
 * lookup inside a bot turn (where the turn's error handler would catch it) still counts.
 */
const missing = new Set<string>();
reportMissingKeys((lng, key) => missing.add(`${lng} ${key}`));

afterEach(() => {
  const found = [...missing].sort();
  missing.clear();
  if (found.length) throw new Error(`Texts missing in locales/ (language, key):\n  ${found.join('\n  ')}`);
});
