import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigDataError, loadConfigData } from '../../core/configData';
import { organisationContact, privacyOfficer } from '../../core/organisation';

const ROOT = join(__dirname, '..', '..');

function configWith(organisation: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoormij-config-'));
  for (const f of ['themes.json', 'question-sets.json', 'projects.json']) copyFileSync(join(ROOT, 'config', f), join(dir, f));
  if (organisation !== undefined) writeFileSync(join(dir, 'organisation.json'), JSON.stringify(organisation));
  return dir;
}

describe('config/organisation.json', () => {
  it('ships demo values, marked as such, with a contact and a privacy officer', () => {
    const { organisation } = loadConfigData(join(ROOT, 'config'));
    expect(organisation.demo).toBe(true);
    expect(organisationContact(organisation)).toEqual({ name: 'Servicepunt Jeugdhulp Voorbeeldstad', email: 'servicepunt@example.org', phone: '020 123 45 67', website: 'https://example.org' });
    expect(privacyOfficer(organisation).email).toBe('privacy@example.org');
  });

  it('names the file and the field of a mistake, and is required', () => {
    const bad = { demo: false, name: 'X', contact: { name: 'Desk', email: 'not-an-email' }, privacyOfficer: { name: 'P', email: 'p@example.org' } };
    expect(() => loadConfigData(configWith(bad))).toThrow(ConfigDataError);
    expect(() => loadConfigData(configWith(bad))).toThrow(/organisation\.json: contact\.email: Invalid email/);
    expect(() => loadConfigData(configWith({ ...bad, contact: { name: 'Desk', email: 'd@example.org' }, extra: 1 }))).toThrow(/organisation\.json: .*extra/);
    expect(() => loadConfigData(configWith(undefined))).toThrow(/organisation\.json: ENOENT/);
  });
});
