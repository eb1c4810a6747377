import { randomBytes } from 'node:crypto';
import { ContactVaultError, createContactVault } from '../../core/contactVault';

const sealContact = (key: string, plaintext: string) => createContactVault(key).seal(plaintext);
const openContact = (key: string, sealed: string) => createContactVault(key).open(sealed);

const key = randomBytes(32).toString('hex');

describe('contact vault (AES-256-GCM)', () => {
  it('opens what it sealed, and the sealed form does not contain the number', () => {
    const vault = createContactVault(key);
    const sealed = vault.seal('31612345678', 'whatsapp:abc');
    expect(sealed).not.toContain('31612345678');
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('31612345678');
    expect(vault.open(sealed, 'whatsapp:abc')).toBe('31612345678');
  });

  it('lays the sealed value out as iv (12) | tag (16) | ciphertext', () => {
    const sealed = Buffer.from(sealContact(key, '31612345678'), 'base64');
    expect(sealed.length).toBe(12 + 16 + '31612345678'.length);
  });

  it('uses a fresh IV each time, so the same number never seals to the same value', () => {
    const vault = createContactVault(key);
    expect(vault.seal('31612345678')).not.toBe(vault.seal('31612345678'));
  });

  it('refuses a value sealed under another key', () => {
    const sealed = sealContact(key, '31612345678');
    expect(() => openContact(randomBytes(32).toString('hex'), sealed)).toThrow(ContactVaultError);
  });

  it('refuses a value copied to another participant (associated data)', () => {
    const vault = createContactVault(key);
    const sealed = vault.seal('31612345678', 'whatsapp:participant-a');
    expect(() => vault.open(sealed, 'whatsapp:participant-b')).toThrow(ContactVaultError);
  });

  it('refuses a tampered ciphertext', () => {
    const raw = Buffer.from(sealContact(key, '31612345678'), 'base64');
    raw[raw.length - 1] ^= 0x01;
    expect(() => openContact(key, raw.toString('base64'))).toThrow(/tampered/);
  });

  it('refuses a value too short to hold iv and tag', () => {
    expect(() => openContact(key, Buffer.alloc(10).toString('base64'))).toThrow(ContactVaultError);
  });

  it('keeps non-ASCII text intact', () => {
    expect(openContact(key, sealContact(key, 'é ë 😊'))).toBe('é ë 😊');
  });

  it('names CONTACT_KEY when the key is not 32 bytes of hex', () => {
    expect(() => createContactVault('abcd')).toThrow(/CONTACT_KEY/);
    expect(() => createContactVault('z'.repeat(64))).toThrow(/CONTACT_KEY/);
  });
});
