import { participantCode, pseudonymize } from '../../core/pseudonym';

describe('pseudonyms', () => {
  it('is stable for the same secret and differs per channel, user and secret', () => {
    const a = pseudonymize('secret-one-secret-one', 'whatsapp', '31612345678');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(pseudonymize('secret-one-secret-one', 'whatsapp', '31612345678')).toBe(a);
    expect(pseudonymize('secret-one-secret-one', 'directline', '31612345678')).not.toBe(a);
    expect(pseudonymize('secret-two-secret-two', 'whatsapp', '31612345678')).not.toBe(a);
    expect(a).not.toContain('31612345678');
  });

  it('derives a short participant code without ambiguous characters', () => {
    const code = participantCode(pseudonymize('s'.repeat(20), 'emulator', 'u1'));
    expect(code).toMatch(/^P-[2-9A-HJKMNP-Z]{8}$/);
  });
});
