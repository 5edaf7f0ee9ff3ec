import { hash } from 'node:crypto';
import { safeEquals } from '@app/common';

const ROUNDS = 45;

/** The spec's control line: md5 applied 45 times to `do::<session>::<trx_id>::<salt>`, each round over the previous hex digest. */
export function appsSign(session: string, trxId: string, salt: string): string {
  let str = `do::${session}::${trxId}::${salt}`;
  // crypto.hash: the one-shot digest, about 3× cheaper than createHash() per round; 45 rounds per callback.
  for (let i = 0; i < ROUNDS; i++) str = hash('md5', str);
  return str;
}

/** Constant time; the hex digest is compared case-insensitively. */
export function verifyAppsSign(sign: unknown, session: string, trxId: string, salt: string): boolean {
  if (typeof sign !== 'string' || sign.length !== 32) return false;
  return safeEquals(appsSign(session, trxId, salt), sign.toLowerCase());
}
