import { type WalletOutcome, WalletRefusal } from '@app/wallet';
import { ALREADY_PROCEEDED, B2bErrorCode } from './wire/b2b-api';

export interface B2bVerdict {
  code: B2bErrorCode;
  description: string;
}

/** The seamless operator's refusal codes (DESIGN §6) that b2b has a code of its own for. */
function operatorRefusal(operatorCode: string | undefined): B2bVerdict {
  switch (operatorCode) {
    case 'INSUFFICIENT_FUNDS':
      return { code: B2bErrorCode.InsufficientFunds, description: 'insufficient funds' };
    case 'INVALID_TOKEN':
      return { code: B2bErrorCode.TokenNotFound, description: 'operator does not know the session' };
    case 'PLAYER_NOT_FOUND':
      return { code: B2bErrorCode.UserNotFound, description: 'user not found' };
    case 'PLAYER_BLOCKED':
      return { code: B2bErrorCode.UserBlocked, description: 'user blocked' };
    case undefined:
    default:
      return { code: B2bErrorCode.General, description: `operator refused: ${operatorCode ?? 'unknown'}` };
  }
}

function refusal(outcome: WalletOutcome): B2bVerdict {
  const reason = outcome.refusal ?? WalletRefusal.UnknownOutcome;
  switch (reason) {
    case WalletRefusal.InsufficientFunds:
      return { code: B2bErrorCode.InsufficientFunds, description: 'insufficient funds' };
    case WalletRefusal.IdempotencyConflict:
      return {
        code: B2bErrorCode.General,
        description: 'transaction_id was already used for another operation',
      };
    case WalletRefusal.BetAlreadyRefunded:
      return { code: B2bErrorCode.General, description: 'transaction was rolled back before it arrived' };
    case WalletRefusal.RefundAmountMismatch:
      return { code: B2bErrorCode.General, description: 'rollback_amount differs from the debit amount' };
    case WalletRefusal.OperatorRefused:
      return operatorRefusal(outcome.operatorCode);
    case WalletRefusal.OperatorUnavailable:
      return { code: B2bErrorCode.General, description: 'wallet unavailable, try later' };
    case WalletRefusal.UnknownOutcome:
      // The debit's fate at the operator is unknown: a compensating refund is queued; the integrator rolls back.
      return { code: B2bErrorCode.General, description: 'debit failed at the wallet, roll it back' };
    case WalletRefusal.InProgress:
      return { code: B2bErrorCode.General, description: 'transaction is still in progress, retry later' };
  }
}

/**
 * A wallet outcome as b2b states it. A repeat keeps the original code and says
 * "transaction has already proceeded" (§4.3); a conflict (another request) and a still undecided
 * original are not repeats.
 */
export function b2bVerdict(outcome: WalletOutcome): B2bVerdict {
  const verdict: B2bVerdict = outcome.ok ? { code: B2bErrorCode.Ok, description: 'ok' } : refusal(outcome);
  const notARepeat =
    outcome.refusal === WalletRefusal.IdempotencyConflict || outcome.refusal === WalletRefusal.InProgress;
  return outcome.repeated && !notARepeat ? { code: verdict.code, description: ALREADY_PROCEEDED } : verdict;
}
