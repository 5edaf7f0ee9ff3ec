import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@app/common';
import type { FastifyRequest } from 'fastify';
import { type OperatorCredentials, verifyingSecrets } from '../credentials/operator-credentials';
import { OperatorCredentialsService } from '../credentials/operator-credentials.service';
import type { AuthenticatedOperator } from './authenticated-operator';
import { OperatorAuthErrorCode as Code, OperatorAuthException } from './operator-auth.exception';
import { type SignedRequestParts, verifyOperatorSignature } from './operator-signature';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `OperatorAuthGuard` once the request's signature holds; read it with `@CurrentOperator()`. */
    operator?: AuthenticatedOperator;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * When a signature fails against credentials read longer ago than this, they are read again: a secret
 * rotated through another API process then verifies at once, and bad signatures cost at most one query
 * per operator per this interval.
 */
const REREAD_ON_FAILURE_AFTER_MS = 1_000;

/**
 * The operator-API signature check (DESIGN §6): X-Operator-Id, X-Timestamp (unix seconds within
 * ±OPERATOR_SIGNATURE_TOLERANCE_S) and X-Sign = hex HMAC-SHA256(secret,
 * `${timestamp}.${METHOD}.${pathWithQuery}.${rawBody}`) over the raw body bytes and the URL as sent.
 *
 * Checks run cheapest first: headers, clock, operator, signature; a disabled operator is told so (403)
 * only after its signature holds. Use it through `@OperatorAuth()`.
 */
@Injectable()
export class OperatorAuthGuard implements CanActivate {
  private readonly toleranceS: number;

  constructor(
    private readonly credentials: OperatorCredentialsService,
    config: ConfigService<Env, true>,
  ) {
    this.toleranceS = config.get('OPERATOR_SIGNATURE_TOLERANCE_S', { infer: true });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const { operatorId, timestamp, sign } = readSignatureHeaders(req);
    this.checkClock(Number(timestamp));

    const parts: SignedRequestParts = {
      timestamp,
      method: req.method,
      pathWithQuery: req.url,
      rawBody: req.rawBody ?? Buffer.alloc(0),
    };
    let credentials = await this.credentials.get(operatorId);
    if (credentials && !this.verifies(credentials, parts, sign)) {
      credentials = await this.credentials.get(operatorId, { maxAgeMs: REREAD_ON_FAILURE_AFTER_MS });
      if (credentials && !this.verifies(credentials, parts, sign)) {
        throw new OperatorAuthException(
          Code.INVALID_SIGNATURE,
          'X-Sign does not match: expected hex HMAC-SHA256(secret, `${X-Timestamp}.${METHOD}.${pathWithQuery}.${rawBody}`)',
        );
      }
    }
    if (!credentials)
      throw new OperatorAuthException(Code.UNKNOWN_OPERATOR, `No operator with id ${operatorId}`);
    if (!credentials.enabled)
      throw new OperatorAuthException(Code.OPERATOR_DISABLED, 'This operator is disabled');

    req.operator = credentials.operator;
    return true;
  }

  private checkClock(timestamp: number): void {
    const skew = timestamp - Math.floor(Date.now() / 1000);
    if (Math.abs(skew) > this.toleranceS) {
      const where = skew > 0 ? `${skew} s ahead of` : `${-skew} s behind`;
      throw new OperatorAuthException(
        Code.STALE_TIMESTAMP,
        `X-Timestamp is ${where} the server clock; allowed ±${this.toleranceS} s`,
      );
    }
  }

  private verifies(credentials: OperatorCredentials, parts: SignedRequestParts, sign: string): boolean {
    return verifyOperatorSignature(verifyingSecrets(credentials, new Date()), parts, sign);
  }
}

function readSignatureHeaders(req: FastifyRequest): { operatorId: string; timestamp: string; sign: string } {
  const operatorId = req.headers['x-operator-id'];
  const timestamp = req.headers['x-timestamp'];
  const sign = req.headers['x-sign'];
  const missing = [
    ['X-Operator-Id', operatorId],
    ['X-Timestamp', timestamp],
    ['X-Sign', sign],
  ]
    .filter(([, value]) => value === undefined || value === '')
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new OperatorAuthException(Code.MISSING_HEADERS, `Missing header(s): ${missing.join(', ')}`);
  }

  const malformed: string[] = [];
  if (typeof operatorId !== 'string' || !UUID.test(operatorId))
    malformed.push('X-Operator-Id must be a uuid');
  if (typeof timestamp !== 'string' || !UNIX_SECONDS.test(timestamp))
    malformed.push('X-Timestamp must be unix seconds');
  if (typeof sign !== 'string' || !HEX_SHA256.test(sign)) malformed.push('X-Sign must be 64 hex characters');
  if (malformed.length > 0) throw new OperatorAuthException(Code.MALFORMED_HEADERS, malformed.join('; '));

  return { operatorId: operatorId as string, timestamp: timestamp as string, sign: sign as string };
}
