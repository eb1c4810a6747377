import { identifiersOf, recognisedAs, type LeadIdentity } from '../../../core/digest/leadCommands';
import { leadKey, stillListed } from '../../../core/digest/leadKey';

const SECRET = 'lead-key-test-secret';
const who = (aadObjectId?: string, email?: string): LeadIdentity => ({ aadObjectId, email: async () => email });

describe('recognising a lead and remembering it as a key', () => {
  const leads = [{ aadObjectId: 'AAD-1' }, { email: 'Lead@Example.org' }];

  it('says by which configured identifier someone is recognised, AAD id first, case and spaces ignored', async () => {
    expect(await recognisedAs(leads, who('aad-1', 'lead@example.org'))).toBe('aad:aad-1');
    expect(await recognisedAs(leads, who('other', ' LEAD@example.ORG '))).toBe('mail:lead@example.org');
    expect(await recognisedAs(leads, who('other', 'someone@example.org'))).toBeUndefined();
    expect(identifiersOf([{ aadObjectId: 'X', email: 'a@b.nl' }])).toEqual(['aad:x', 'mail:a@b.nl']);
  });

  it('keeps no identifier in the key, and the key depends on the secret', () => {
    const key = leadKey(SECRET, 'mail:lead@example.org');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(key).not.toContain('lead');
    expect(leadKey('another-secret', 'mail:lead@example.org')).not.toBe(key);
  });

  it('finds the key while the person is listed, by either identifier, and not once they are removed', () => {
    const byMail = leadKey(SECRET, 'mail:lead@example.org');
    expect(stillListed(SECRET, leads, byMail)).toBe(true);
    // the same person now configured with an AAD id as well: still listed
    expect(stillListed(SECRET, [{ aadObjectId: 'AAD-9', email: 'lead@example.org' }], byMail)).toBe(true);
    expect(stillListed(SECRET, [{ aadObjectId: 'AAD-1' }], byMail)).toBe(false);
    expect(stillListed(SECRET, [], byMail)).toBe(false);
  });
});
