import { formatWire, type Money } from '@app/common';

/** Every error code of the spec ("Error codes"). */
export enum SlotegratorCode {
  InternalError = 'INTERNAL_ERROR',
  SessionNotFound = 'SESSION_NOT_FOUND',
  TransactionPreparingError = 'TRANSACTION_PREPARING_ERROR',
  TransactionDenied = 'TRANSACTION_DENIED',
  TransactionInProgress = 'TRANSACTION_IN_PROGRESS',
  InvalidSign = 'INVALID_SIGN',
  WrongInputParameters = 'WRONG_INPUT_PARAMETERS',
  AmountShouldBePositive = 'AMOUNT_SHOULD_BE_POSITIVE',
  InsufficientBalance = 'INSUFFICIENT_BALANCE',
  BetFailedKnownError = 'BET_FAILED_KNOWN_ERROR',
  BetFailedUnknownError = 'BET_FAILED_UNKNOWN_ERROR',
  ActionIsNotExist = 'ACTION_IS_NOT_EXIST',
}

/** What we answer: `{ status: true, balance }` or `{ status: false, code, message }`, always HTTP 200. */
export type SlotegratorAnswer =
  { ok: true; balance: Money } | { ok: false; code: SlotegratorCode; message: string };

export function okAnswer(balance: Money): SlotegratorAnswer {
  return { ok: true, balance };
}

export function errorAnswer(code: SlotegratorCode, message: string): SlotegratorAnswer {
  return { ok: false, code, message };
}

/** The outcome label for metrics and logs: `ok` or the error code. */
export function answerOutcome(answer: SlotegratorAnswer): string {
  return answer.ok ? 'ok' : answer.code;
}

/**
 * The response body. `balance` is a JSON number with at most 4 decimals, rounded down, written from the
 * exact decimal (never through a double, so large balances keep every digit).
 */
export function answerJson(answer: SlotegratorAnswer): string {
  if (answer.ok) return `{"status":true,"balance":${formatWire(answer.balance, 'decimal4')}}`;
  return `{"status":false,"code":${JSON.stringify(answer.code)},"message":${JSON.stringify(answer.message)}}`;
}
