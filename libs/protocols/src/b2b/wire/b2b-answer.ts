import { formatWire, Money } from '@app/common';
import { type B2bApi, B2bErrorCode } from './b2b-api';

/** What an answer says; fields a failed request could not learn stay empty ("", balance 0). */
export interface B2bAnswerFields {
  operatorId: number | string;
  userId: string;
  nickname: string;
  balance: Money | null;
  gameToken: string;
  currency: string;
  code: B2bErrorCode;
  description: string;
  /** Money calls: echoed from the request (§1). */
  transactionId?: string;
  /** Auth: the request's user_auth_token, echoed for verification (§3.2). */
  authToken?: string;
}

export interface B2bEnvelope {
  api: string;
  success: true;
  answer: Record<string, unknown>;
}

const NICKNAME_CHARS = /[^\p{L}\p{N}]/gu;
const MAX_NICKNAME = 32;

/** §3.2: letters and digits only, at most 32; falls back to the user id's, then to "Player". */
export function b2bNickname(nickname: string | null, userId: string): string {
  for (const candidate of [nickname ?? '', userId]) {
    const clean = [...candidate.replace(NICKNAME_CHARS, '')].slice(0, MAX_NICKNAME).join('');
    if (clean !== '') return clean;
  }
  return 'Player';
}

/** `operator_id` is int(11): a config id written as digits goes out as a number. */
export function b2bOperatorId(configured: string | number | undefined): number | string {
  if (typeof configured === 'number') return configured;
  if (configured === undefined) return 0;
  return /^(0|[1-9][0-9]{0,10})$/.test(configured) && Number.isSafeInteger(Number(configured))
    ? Number(configured)
    : configured;
}

/** BigDecimal(15,5), rounded down; a balance beyond the wire's range is reported as its maximum. */
export function b2bMoney(money: Money | null): string {
  const value = money ?? Money.zero();
  try {
    return formatWire(value, 'bigdecimal15_5');
  } catch {
    return value.isNegative() ? '-9999999999.99999' : '9999999999.99999';
  }
}

/**
 * Spec §3.6: no free rounds are offered yet; the object keeps its shape with nothing in it. `cp` is a
 * string as in the spec's example (its table says double; the integrator's own example is what it parses).
 */
const NO_FREE_ROUNDS = { id: 0, count: 0, bet: 0, lines: 0, mpl: 0, cp: '0.00' };

/**
 * The §3 answer of each api, its fields in the order of the spec's examples. `success` is always true:
 * the outcome is `error_code`. `api` is echoed as sent (an unknown api gets the common fields).
 */
export function b2bAnswer(
  api: string,
  known: B2bApi | null,
  f: B2bAnswerFields,
  now = Date.now(),
): B2bEnvelope {
  const balance = b2bMoney(f.balance);
  const zero = b2bMoney(null);
  const timestamp = String(now);
  let answer: Record<string, unknown>;
  switch (known) {
    case 'do-auth-user-ingame':
      answer = {
        operator_id: f.operatorId,
        user_id: f.userId,
        user_nickname: f.nickname,
        balance,
        bonus_balance: zero,
        auth_token: f.authToken ?? '',
        game_token: f.gameToken,
        error_code: f.code,
        error_description: f.description,
        currency: f.currency,
        timestamp,
      };
      break;
    case 'do-debit-user-ingame':
    case 'do-credit-user-ingame':
    case 'do-rollback-user-ingame':
      answer = {
        operator_id: f.operatorId,
        transaction_id: f.transactionId ?? '',
        user_id: f.userId,
        user_nickname: f.nickname,
        balance,
        bonus_balance: zero,
        bonus_amount: zero,
        game_token: f.gameToken,
        error_code: f.code,
        error_description: f.description,
        currency: f.currency,
        timestamp,
      };
      break;
    case 'do-get-features-user-ingame':
      answer = {
        ...common(f, balance, zero, timestamp),
        free_rounds: { ...NO_FREE_ROUNDS },
      };
      break;
    case 'do-activate-features-user-ingame':
    case 'do-end-features-user-ingame':
    case null:
      answer = common(f, balance, zero, timestamp);
      break;
  }
  return { api, success: true, answer };
}

function common(
  f: B2bAnswerFields,
  balance: string,
  zero: string,
  timestamp: string,
): Record<string, unknown> {
  return {
    operator_id: f.operatorId,
    user_id: f.userId,
    user_nickname: f.nickname,
    balance,
    bonus_balance: zero,
    game_token: f.gameToken,
    error_code: f.code,
    error_description: f.description,
    currency: f.currency,
    timestamp,
  };
}
