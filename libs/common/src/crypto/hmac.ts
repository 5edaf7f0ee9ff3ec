import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSha256Hex(key: string | Buffer, data: string | Buffer): string {
  return createHmac('sha256', key).update(data).digest('hex');
}

/** Constant-time comparison of two hex digests; false for anything that is not same-length hex. */
export function hexEquals(expected: string, actual: string | undefined | null): boolean {
  if (typeof actual !== 'string' || actual.length !== expected.length || !/^[0-9a-fA-F]*$/.test(actual)) {
    return false;
  }
  return timingSafeEqual(
    Buffer.from(expected.toLowerCase(), 'hex'),
    Buffer.from(actual.toLowerCase(), 'hex'),
  );
}

/** Constant-time comparison of two strings of any content. */
export function safeEquals(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
