import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'dcp_';

/** A new random token: 32 bytes, base64url, with a recognisable prefix for secret scanners. */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/** Tokens are stored only as this SHA-256 hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
