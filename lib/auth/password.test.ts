import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('accepts the password it hashed', async () => {
    const stored = await hashPassword('dcloud-demo');
    expect(await verifyPassword('dcloud-demo', stored)).toBe(true);
  });

  it('stores a salted scrypt hash, never the password', async () => {
    const stored = await hashPassword('dcloud-demo');
    expect(stored).toMatch(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('dcloud-demo');
    expect(await hashPassword('dcloud-demo')).not.toBe(stored);
  });

  it.each([
    { label: 'a wrong password', password: 'dcloud-demo!' },
    { label: 'the password in other case', password: 'DCLOUD-DEMO' },
    { label: 'an empty password', password: '' },
  ])('refuses $label', async ({ password }) => {
    const stored = await hashPassword('dcloud-demo');
    expect(await verifyPassword(password, stored)).toBe(false);
  });

  it.each([
    { label: 'an account without a password (SSO only)', stored: null },
    { label: 'a hash of another scheme', stored: 'bcrypt$abc$def' },
    { label: 'a truncated hash', stored: 'scrypt$c2FsdA==' },
  ])('refuses any password for $label', async ({ stored }) => {
    expect(await verifyPassword('dcloud-demo', stored)).toBe(false);
  });
});
