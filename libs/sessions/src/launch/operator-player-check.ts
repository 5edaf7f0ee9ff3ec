import { Injectable } from '@nestjs/common';
import {
  type AuthenticatedOperator,
  type OperatorWalletAction,
  type OperatorWalletResult,
  OperatorsService,
  OperatorWalletClient,
} from '@app/operators';
import { SessionsErrorCode, SessionsException } from '../sessions.exception';

/** What a seamless operator told us about the player at launch. */
export interface OperatorPlayerProfile {
  nickname: string | null;
  currency: string | null;
  country: string | null;
  language: string | null;
  /** Every other field of `player-details` (balances excluded: we keep none for seamless players). */
  details: Record<string, unknown>;
}

type CheckAction = Extract<OperatorWalletAction, 'session-check' | 'player-details' | 'balance'>;

interface Failure {
  call: CheckAction;
  kind: 'refused' | 'unknown' | 'open';
  code?: string;
  reason: string;
}

const KNOWN_FIELDS = new Set(['status', 'userId', 'balance', 'nickname', 'currency', 'country', 'language']);

/**
 * The launch's checks against a seamless operator (operator-workflow "Launching a Game"): `session-check`,
 * `player-details` and `balance`, all three at once, with the player's `userId` and `token`. All must
 * answer well; otherwise one error names every call that failed and why.
 */
@Injectable()
export class OperatorPlayerCheck {
  constructor(
    private readonly operators: OperatorsService,
    private readonly client: OperatorWalletClient,
  ) {}

  async run(
    operator: AuthenticatedOperator,
    player: { userId: string; token: string; currency: string },
  ): Promise<OperatorPlayerProfile> {
    const credentials = await this.operators.getCredentials(operator.id);
    const endpoint = {
      id: operator.id,
      walletUrl: operator.walletUrl ?? '',
      secret: credentials.currentSecret,
    };
    const { userId, token, currency } = player;
    const [sessionCheck, details, balance] = await Promise.all([
      this.client.call(endpoint, 'session-check', { userId, token }),
      this.client.call(endpoint, 'player-details', { userId, token }),
      this.client.call(endpoint, 'balance', { userId, token, currency }),
    ]);
    const results: [CheckAction, OperatorWalletResult][] = [
      ['session-check', sessionCheck],
      ['player-details', details],
      ['balance', balance],
    ];
    const failures = results.flatMap(([call, r]) => failureOf(call, r));
    if (failures.length > 0) throw failedChecks(failures);

    const bodies = results.map(([call, r]) => [call, (r as { body: Record<string, unknown> }).body] as const);
    for (const [call, body] of bodies) {
      if (body.userId !== undefined && body.userId !== userId) {
        throw mismatch(`${call} answered for userId ${JSON.stringify(body.userId)}, not ${userId}`);
      }
      if (body.currency !== undefined && body.currency !== currency) {
        throw new SessionsException(
          SessionsErrorCode.CurrencyNotSupported,
          `The operator's ${call} reports the player's currency as ${JSON.stringify(body.currency)}, not ${currency}`,
          { call, currency: body.currency },
        );
      }
    }
    return profileOf(bodies[1][1]);
  }
}

function failureOf(call: CheckAction, r: OperatorWalletResult): Failure[] {
  switch (r.kind) {
    case 'ok':
      return [];
    case 'refused':
      return [{ call, kind: 'refused', code: r.code, reason: `refused with ${r.code}: ${r.message}` }];
    case 'unknown':
      return [{ call, kind: 'unknown', reason: r.reason }];
    case 'open':
      return [
        { call, kind: 'open', reason: 'not sent: the circuit breaker is open after repeated failures' },
      ];
  }
}

/** Refusals are the operator's word on the player (403); anything else means its wallet did not answer well (502). */
function failedChecks(failures: Failure[]): SessionsException {
  const summary = failures.map((f) => `${f.call} ${f.reason}`).join('; ');
  const details = { failed: failures };
  if (failures.some((f) => f.kind !== 'refused')) {
    return new SessionsException(
      SessionsErrorCode.OperatorWalletUnavailable,
      `The operator's wallet did not answer the launch checks: ${summary}`,
      details,
    );
  }
  if (failures.some((f) => f.code === 'PLAYER_BLOCKED')) {
    return new SessionsException(
      SessionsErrorCode.PlayerBlocked,
      `The operator reports the player as blocked: ${summary}`,
      details,
    );
  }
  return new SessionsException(
    SessionsErrorCode.OperatorRefused,
    `The operator refused the launch: ${summary}`,
    details,
  );
}

function mismatch(message: string): SessionsException {
  return new SessionsException(
    SessionsErrorCode.OperatorAnswerMismatch,
    `The operator's wallet answered inconsistently: ${message}`,
  );
}

function text(value: unknown, max: number, pattern?: RegExp): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) return null;
  return pattern && !pattern.test(value) ? null : value;
}

function profileOf(body: Record<string, unknown>): OperatorPlayerProfile {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (!KNOWN_FIELDS.has(key)) details[key] = value;
  return {
    nickname:
      typeof body.nickname === 'string' && body.nickname.length > 0 ? body.nickname.slice(0, 64) : null,
    currency: text(body.currency, 3, /^[A-Z]{3}$/),
    country: text(body.country, 2, /^[A-Za-z]{2}$/)?.toUpperCase() ?? null,
    language: text(body.language, 16),
    details,
  };
}
