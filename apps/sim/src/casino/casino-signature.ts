import { hexEquals, hmacSha256Hex } from '@app/common';

/** Why a call was not accepted; 'valid' when it was. */
export type SignatureVerdict =
  'valid' | 'missing-headers' | 'wrong-operator' | 'stale-timestamp' | 'bad-signature';

export interface SignedCall {
  operatorId: string | undefined;
  timestamp: string | undefined;
  sign: string | undefined;
  method: string;
  /** Exactly as received (`request.url`). */
  pathWithQuery: string;
  /** The body bytes as received; empty when there is none. */
  rawBody: Buffer;
}

export interface SignatureRules {
  /** Any of them may have signed (several during a rotation). */
  secrets: Iterable<string>;
  /** When set, X-Operator-Id must be exactly this. */
  operatorId?: string;
  toleranceS: number;
  nowS: number;
}

const TIMESTAMP = /^[0-9]{1,12}$/;

/**
 * The casino's own check of DESIGN §6: X-Sign = hex HMAC-SHA256(secret, `${timestamp}.POST.${pathWithQuery}.${rawBody}`),
 * X-Timestamp within ±toleranceS. Written independently of the aggregator's signer on purpose, so a
 * mistake there shows up here.
 */
export function verifyWalletCall(call: SignedCall, rules: SignatureRules): SignatureVerdict {
  if (call.timestamp === undefined || call.sign === undefined || call.operatorId === undefined)
    return 'missing-headers';
  if (rules.operatorId !== undefined && call.operatorId !== rules.operatorId) return 'wrong-operator';
  if (!TIMESTAMP.test(call.timestamp) || Math.abs(rules.nowS - Number(call.timestamp)) > rules.toleranceS) {
    return 'stale-timestamp';
  }
  const payload = Buffer.concat([
    Buffer.from(`${call.timestamp}.${call.method.toUpperCase()}.${call.pathWithQuery}.`, 'utf8'),
    call.rawBody,
  ]);
  let valid = false;
  for (const secret of rules.secrets) {
    valid = hexEquals(hmacSha256Hex(secret, payload), call.sign) || valid;
  }
  return valid ? 'valid' : 'bad-signature';
}

/** Signs a call the way the aggregator does: for tests, demos and benchmarks that call the casino directly. */
export function signWalletCall(
  secret: string,
  operatorId: string,
  pathWithQuery: string,
  rawBody: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<'X-Operator-Id' | 'X-Timestamp' | 'X-Sign', string> {
  const sign = hmacSha256Hex(secret, `${timestamp}.POST.${pathWithQuery}.${rawBody}`);
  return { 'X-Operator-Id': operatorId, 'X-Timestamp': String(timestamp), 'X-Sign': sign };
}
