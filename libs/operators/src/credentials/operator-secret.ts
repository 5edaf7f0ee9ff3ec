import { randomBytes } from 'node:crypto';

/** A new operator secret: 32 random bytes as 64 hex characters. Shown once, stored only sealed. */
export function generateOperatorSecret(): string {
  return randomBytes(32).toString('hex');
}
