import { type WalletOutcome, WalletRefusal } from '@app/wallet';
import { errorAnswer, SlotegratorCode, type SlotegratorAnswer } from './slotegrator-answer';

export type MoneyAction = 'bet' | 'win' | 'refund';

/** A seamless operator's refusal as the message the game shows (spec: "known error"). */
const OPERATOR_MESSAGES: Record<string, string> = {
  LIMIT_EXCEEDED: 'Not enough limits',
  PLAYER_BLOCKED: 'Player is blocked',
  PLAYER_NOT_FOUND: 'Player not found',
  INVALID_TOKEN: 'Session is not valid',
};

function operatorMessage(operatorCode: string | undefined): string {
  return OPERATOR_MESSAGES[operatorCode ?? ''] ?? 'Transaction refused by the casino';
}

/**
 * A refused wallet outcome as the spec's error. A bet whose fate at a seamless operator is unknown is
 * `BET_FAILED_UNKNOWN_ERROR`, so the provider sends the refund the spec requires (we queue our own
 * compensating refund too); a win or refund that could not be settled is `INTERNAL_ERROR`, which the
 * provider resends until it succeeds.
 */
export function refusalAnswer(action: MoneyAction, outcome: WalletOutcome): SlotegratorAnswer {
  const refusal = outcome.refusal ?? WalletRefusal.UnknownOutcome;
  switch (refusal) {
    case WalletRefusal.InsufficientFunds:
      return errorAnswer(SlotegratorCode.InsufficientBalance, 'Insufficient balance');
    case WalletRefusal.IdempotencyConflict:
      return errorAnswer(
        SlotegratorCode.TransactionDenied,
        'transaction_id is already used by another transaction',
      );
    case WalletRefusal.BetAlreadyRefunded:
      return errorAnswer(SlotegratorCode.TransactionDenied, 'Bet is already refunded');
    case WalletRefusal.RefundAmountMismatch:
      return errorAnswer(SlotegratorCode.TransactionDenied, 'Refund does not match the bet');
    case WalletRefusal.OperatorRefused:
      return outcome.operatorCode === 'INSUFFICIENT_FUNDS'
        ? errorAnswer(SlotegratorCode.InsufficientBalance, 'Insufficient balance')
        : errorAnswer(SlotegratorCode.InternalError, operatorMessage(outcome.operatorCode));
    case WalletRefusal.OperatorUnavailable:
      return errorAnswer(SlotegratorCode.InternalError, 'Casino wallet is unavailable, try again later');
    case WalletRefusal.UnknownOutcome:
      return action === 'bet'
        ? errorAnswer(SlotegratorCode.BetFailedUnknownError, 'Bet failed unknown error')
        : errorAnswer(SlotegratorCode.InternalError, 'Transaction is not settled yet, resend it');
    case WalletRefusal.InProgress:
      return errorAnswer(SlotegratorCode.TransactionInProgress, 'Transaction is in progress');
  }
}
