import { isExpired, isSessionCode, newSessionCodes, normalizeSessionCode, SESSION_CODE_ALPHABET } from '../../core/sessionCodes';

describe('session codes', () => {
  it('uses six characters without 0, O, 1, I or L', () => {
    const codes = newSessionCodes({ project: 'demo', team: null, validDays: 30, count: 200, now: new Date('2026-11-01T00:00:00Z') });
    expect(codes).toHaveLength(200);
    for (const c of codes) {
      expect(c.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
      expect(c.code).not.toMatch(/[01OIL]/);
    }
    expect(new Set(codes.map((c) => c.code)).size).toBe(200);
    expect(SESSION_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('reads typed codes case-insensitively and without spaces', () => {
    expect(normalizeSessionCode(' k7p x4m ')).toBe('K7PX4M');
    expect(isSessionCode('k7p-x4m')).toBe(true);
    expect(isSessionCode('K7PX40')).toBe(false);
    expect(isSessionCode('K7PX4')).toBe(false);
  });

  it('expires after the number of valid days', () => {
    const [c] = newSessionCodes({ project: 'demo', team: 'wijkteam-noord', validDays: 30, count: 1, now: new Date('2026-11-01T00:00:00Z') });
    expect(c.expiresAt).toBe('2026-12-01T00:00:00.000Z');
    expect(isExpired(c, new Date('2026-11-30T23:59:59Z'))).toBe(false);
    expect(isExpired(c, new Date('2026-12-01T00:00:01Z'))).toBe(true);
  });
});
