import { Money } from '@app/common';
import { type WalletOutcome, WalletRefusal } from '@app/wallet';
import { b2bVerdict } from './b2b-outcome.mapper';
import { ALREADY_PROCEEDED, B2bErrorCode } from './wire/b2b-api';

const base: WalletOutcome = { ok: true, transactionId: 't', balance: Money.zero(), repeated: false };
const refused = (refusal: WalletRefusal, extra: Partial<WalletOutcome> = {}): WalletOutcome => ({
  ...base,
  ok: false,
  refusal,
  ...extra,
});

describe('b2bVerdict', () => {
  it('maps success and its repeat', () => {
    expect(b2bVerdict(base)).toEqual({ code: B2bErrorCode.Ok, description: 'ok' });
    expect(b2bVerdict({ ...base, repeated: true })).toEqual({ code: 0, description: ALREADY_PROCEEDED });
  });

  it.each<[WalletRefusal, B2bErrorCode]>([
    [WalletRefusal.InsufficientFunds, B2bErrorCode.InsufficientFunds],
    [WalletRefusal.IdempotencyConflict, B2bErrorCode.General],
    [WalletRefusal.BetAlreadyRefunded, B2bErrorCode.General],
    [WalletRefusal.RefundAmountMismatch, B2bErrorCode.General],
    [WalletRefusal.OperatorUnavailable, B2bErrorCode.General],
    [WalletRefusal.UnknownOutcome, B2bErrorCode.General],
    [WalletRefusal.InProgress, B2bErrorCode.General],
  ])('maps %s to %s', (refusal, code) => {
    expect(b2bVerdict(refused(refusal)).code).toBe(code);
  });

  it.each<[string, B2bErrorCode]>([
    ['INSUFFICIENT_FUNDS', B2bErrorCode.InsufficientFunds],
    ['INVALID_TOKEN', B2bErrorCode.TokenNotFound],
    ['PLAYER_NOT_FOUND', B2bErrorCode.UserNotFound],
    ['PLAYER_BLOCKED', B2bErrorCode.UserBlocked],
    ['LIMIT_EXCEEDED', B2bErrorCode.General],
  ])('maps the operator refusal %s to %s', (operatorCode, code) => {
    expect(b2bVerdict(refused(WalletRefusal.OperatorRefused, { operatorCode })).code).toBe(code);
  });

  it('a repeat keeps the original code and says it already proceeded; a conflict is not a repeat', () => {
    expect(b2bVerdict(refused(WalletRefusal.InsufficientFunds, { repeated: true }))).toEqual({
      code: B2bErrorCode.InsufficientFunds,
      description: ALREADY_PROCEEDED,
    });
    expect(b2bVerdict(refused(WalletRefusal.IdempotencyConflict, { repeated: true })).description).not.toBe(
      ALREADY_PROCEEDED,
    );
    expect(b2bVerdict(refused(WalletRefusal.InProgress, { repeated: true })).description).not.toBe(
      ALREADY_PROCEEDED,
    );
  });
});
