import { WalletRefusal } from '@app/wallet';
import { WalletV2ErrorCode } from './wallet-v2-error';
import { walletV2RefusalError } from './wallet-v2-refusal';

describe('walletV2RefusalError', () => {
  it.each([
    [WalletRefusal.InsufficientFunds, undefined, WalletV2ErrorCode.InsufficientFunds],
    [WalletRefusal.IdempotencyConflict, undefined, WalletV2ErrorCode.TransactionConflict],
    [WalletRefusal.RefundAmountMismatch, undefined, WalletV2ErrorCode.TransactionConflict],
    [WalletRefusal.BetAlreadyRefunded, undefined, WalletV2ErrorCode.BetAlreadyCancelled],
    [WalletRefusal.OperatorRefused, 'INSUFFICIENT_FUNDS', WalletV2ErrorCode.InsufficientFunds],
    [WalletRefusal.OperatorRefused, 'PLAYER_BLOCKED', WalletV2ErrorCode.PlayerBlocked],
    [WalletRefusal.OperatorRefused, 'LIMIT_EXCEEDED', WalletV2ErrorCode.BetRefused],
    [WalletRefusal.UnknownOutcome, undefined, WalletV2ErrorCode.BetFailed],
    [WalletRefusal.OperatorUnavailable, undefined, WalletV2ErrorCode.TryAgain],
    [WalletRefusal.InProgress, undefined, WalletV2ErrorCode.TryAgain],
  ])('%s (%s) → %s', (refusal, operatorCode, code) => {
    expect(walletV2RefusalError(refusal, operatorCode).code).toBe(code);
  });

  it('covers every wallet refusal', () => {
    for (const refusal of Object.values(WalletRefusal)) {
      expect(Object.values(WalletV2ErrorCode)).toContain(walletV2RefusalError(refusal).code);
    }
  });

  it("names the casino's own code when it refused for another reason", () => {
    expect(walletV2RefusalError(WalletRefusal.OperatorRefused, 'LIMIT_EXCEEDED').detail).toBe(
      'LIMIT_EXCEEDED',
    );
  });
});
