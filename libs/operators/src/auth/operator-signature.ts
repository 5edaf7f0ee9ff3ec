import { hexEquals, hmacSha256Hex } from '@app/common';

/** What an operator-API signature covers (DESIGN §6), exactly as sent. */
export interface SignedRequestParts {
  /** X-Timestamp as sent: unix seconds. */
  timestamp: string;
  method: string;
  /** Path and query exactly as sent (`request.url`), e.g. `/api/v1/games?page=2`. */
  pathWithQuery: string;
  /** The raw body bytes; empty when there is no body. */
  rawBody: Buffer | string;
}

/** The signed bytes: `${timestamp}.${METHOD}.${pathWithQuery}.` followed by the raw body, byte for byte. */
export function operatorSignaturePayload(parts: SignedRequestParts): Buffer {
  const head = Buffer.from(
    `${parts.timestamp}.${parts.method.toUpperCase()}.${parts.pathWithQuery}.`,
    'utf8',
  );
  const body = typeof parts.rawBody === 'string' ? Buffer.from(parts.rawBody, 'utf8') : parts.rawBody;
  return Buffer.concat([head, body]);
}

/**
 * X-Sign of a request: hex HMAC-SHA256 keyed with the secret string as the operator received it (its
 * UTF-8 bytes, not hex-decoded). Used to verify operators' calls and to sign ours to their walletUrl.
 */
export function signOperatorRequest(secret: string, parts: SignedRequestParts): string {
  return hmacSha256Hex(secret, operatorSignaturePayload(parts));
}

/**
 * True when `sign` is the signature of `parts` under any of `secrets`. Constant time in the signature,
 * and every secret is tried, so the time taken does not tell which one matched.
 */
export function verifyOperatorSignature(
  secrets: readonly string[],
  parts: SignedRequestParts,
  sign: string,
): boolean {
  const payload = operatorSignaturePayload(parts);
  let ok = false;
  for (const secret of secrets) {
    ok = hexEquals(hmacSha256Hex(secret, payload), sign) || ok;
  }
  return ok;
}
