import type { Money } from '@app/common';
import type { TransactionKind } from './entities/ledger-transaction.entity';
import type { StoredTransaction } from './ledger.repository';
import { WalletRefusal, type WalletOutcome } from './wallet.types';

/** `errorCode` values the ledger stores, and the refusal each one answers a repeat with. */
export const OPERATOR_REFUSED_PREFIX = 'OPERATOR:';

function refusalOf(errorCode: string | null): { refusal: WalletRefusal; operatorCode?: string } {
  if (errorCode?.startsWith(OPERATOR_REFUSED_PREFIX)) {
    return {
      refusal: WalletRefusal.OperatorRefused,
      operatorCode: errorCode.slice(OPERATOR_REFUSED_PREFIX.length),
    };
  }
  const known = Object.values(WalletRefusal) as string[];
  return {
    refusal: known.includes(errorCode ?? '') ? (errorCode as WalletRefusal) : WalletRefusal.UnknownOutcome,
  };
}

export function conflict(): WalletOutcome {
  return {
    ok: false,
    refusal: WalletRefusal.IdempotencyConflict,
    transactionId: null,
    balance: null,
    repeated: true,
  };
}

/**
 * The answer to a request whose idempotency key is already stored: the original outcome when it is the
 * same request, a conflict when it is not. Nothing moves either way.
 */
export function outcomeOfRepeat(
  stored: StoredTransaction,
  kind: TransactionKind,
  fingerprint: string,
  currentBalance: Money | null,
): WalletOutcome {
  if (stored.status === 'voided') {
    // A bet id a refund claimed first: the late bet is refused.
    return kind === 'bet'
      ? {
          ok: false,
          refusal: WalletRefusal.BetAlreadyRefunded,
          transactionId: stored.id,
          balance: currentBalance,
          repeated: false,
        }
      : conflict();
  }
  if (stored.kind !== kind || stored.fingerprint !== fingerprint) return conflict();
  const base = {
    transactionId: stored.id,
    balance: stored.balanceAfter ?? currentBalance,
    repeated: true,
    roundId: stored.roundId,
  };
  switch (stored.status) {
    case 'committed':
      return { ok: true, ...base };
    case 'refused':
      return { ok: false, ...refusalOf(stored.errorCode), ...base };
    case 'failed':
      return { ok: false, refusal: WalletRefusal.UnknownOutcome, ...base };
    case 'pending':
      return { ok: false, refusal: WalletRefusal.InProgress, ...base };
  }
}
