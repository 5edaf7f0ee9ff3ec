import { createHmac } from 'node:crypto';

/**
 * Headers of a signed operator-API request (DESIGN §6):
 * X-Sign = hex HMAC-SHA256(secret, `${timestamp}.${METHOD}.${pathWithQuery}.${rawBody}`).
 */
export function operatorHeaders(
  operator: { id: string; secret: string },
  method: string,
  pathWithQuery: string,
  rawBody = '',
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const sign = createHmac('sha256', operator.secret)
    .update(`${timestamp}.${method.toUpperCase()}.${pathWithQuery}.${rawBody}`)
    .digest('hex');
  return { 'X-Operator-Id': operator.id, 'X-Timestamp': String(timestamp), 'X-Sign': sign };
}
