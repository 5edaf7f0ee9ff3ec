import { createHmac } from 'node:crypto';
import type { TestApp } from './test-app';

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

/** POSTs `raw` exactly as given to the operator API at `path`, signed as `operator`. */
export function signedPost(
  t: Pick<TestApp, 'http'>,
  operator: { id: string; secret: string },
  path: string,
  raw: string,
) {
  return t
    .http()
    .post(path)
    .set(operatorHeaders(operator, 'POST', path, raw))
    .set('content-type', 'application/json')
    .send(raw);
}
