import { randomBytes } from 'node:crypto';

/** An unguessable token: 192 bits from the CSPRNG, base64url (32 characters, safe in URLs and JSON). */
export function newSessionToken(): string {
  return randomBytes(24).toString('base64url');
}
