import { hexEquals, hmacSha256Hex } from '@app/common';

/** `X-Sign`: hex HMAC-SHA256 of the raw request body with the provider's `token` (both directions). */
export function slotegratorSign(token: string, rawBody: string | Buffer): string {
  return hmacSha256Hex(token, rawBody);
}

/** Constant-time check of an `X-Sign` header (any case of hex digits); false when missing. */
export function verifySlotegratorSign(token: string, rawBody: Buffer, header: unknown): boolean {
  if (typeof header !== 'string') return false;
  return hexEquals(slotegratorSign(token, rawBody), header.trim());
}
