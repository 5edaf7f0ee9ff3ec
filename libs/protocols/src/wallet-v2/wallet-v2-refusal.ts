import { WalletRefusal } from '@app/wallet';
import { WalletV2ErrorCode } from './wallet-v2-error';

/** The wallet's refusal as a wallet-v2 error; `detail` carries the casino's own code when it refused. */
export function walletV2RefusalError(
  refusal: WalletRefusal,
  operatorCode?: string,
): { code: WalletV2ErrorCode; detail?: string } {
  switch (refusal) {
    case WalletRefusal.InsufficientFunds:
      return { code: WalletV2ErrorCode.InsufficientFunds };
    case WalletRefusal.IdempotencyConflict:
    case WalletRefusal.RefundAmountMismatch:
      return { code: WalletV2ErrorCode.TransactionConflict };
    case WalletRefusal.BetAlreadyRefunded:
      return { code: WalletV2ErrorCode.BetAlreadyCancelled };
    case WalletRefusal.OperatorRefused:
      if (operatorCode === 'INSUFFICIENT_FUNDS') return { code: WalletV2ErrorCode.InsufficientFunds };
      if (operatorCode === 'PLAYER_BLOCKED') return { code: WalletV2ErrorCode.PlayerBlocked };
      return {
        code: WalletV2ErrorCode.BetRefused,
        ...(operatorCode ? { detail: operatorCode.slice(0, 64) } : {}),
      };
    case WalletRefusal.UnknownOutcome:
      return { code: WalletV2ErrorCode.BetFailed };
    case WalletRefusal.OperatorUnavailable:
    case WalletRefusal.InProgress:
      return { code: WalletV2ErrorCode.TryAgain };
  }
}
