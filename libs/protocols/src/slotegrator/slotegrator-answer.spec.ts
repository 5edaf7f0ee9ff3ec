import { Money } from '@app/common';
import { type WalletOutcome, WalletRefusal } from '@app/wallet';
import { answerJson, errorAnswer, okAnswer, SlotegratorCode } from './slotegrator-answer';
import { refusalAnswer } from './slotegrator-outcome';
import { slotegratorSign, verifySlotegratorSign } from './slotegrator-signature';

const m = (s: string) => Money.parseDecimal(s, { maxDecimals: 8 });

describe('slotegrator answers', () => {
  it.each([
    ['100.0001', '100.0001'],
    ['110.00019999', '110.0001'],
    ['100', '100'],
    ['0', '0'],
    ['0.00009', '0'],
    ['123456789012345.6789', '123456789012345.6789'],
  ])(
    'writes balance %s as the JSON number %s (≤ 4 decimals, rounded down, every digit kept)',
    (balance, wire) => {
      const json = answerJson(okAnswer(m(balance)));
      expect(json).toBe(`{"status":true,"balance":${wire}}`);
      expect(JSON.parse(json)).toEqual({ status: true, balance: Number(wire) });
    },
  );

  it('writes errors in the spec shape', () => {
    expect(JSON.parse(answerJson(errorAnswer(SlotegratorCode.InvalidSign, 'Invalid "sign"')))).toEqual({
      status: false,
      code: 'INVALID_SIGN',
      message: 'Invalid "sign"',
    });
  });
});

describe('refusalAnswer', () => {
  const refused = (refusal: WalletRefusal, operatorCode?: string): WalletOutcome => ({
    ok: false,
    refusal,
    operatorCode,
    transactionId: null,
    balance: null,
    repeated: false,
  });

  it.each([
    ['bet', WalletRefusal.InsufficientFunds, undefined, 'INSUFFICIENT_BALANCE'],
    ['bet', WalletRefusal.OperatorRefused, 'INSUFFICIENT_FUNDS', 'INSUFFICIENT_BALANCE'],
    ['bet', WalletRefusal.OperatorRefused, 'LIMIT_EXCEEDED', 'INTERNAL_ERROR'],
    ['bet', WalletRefusal.IdempotencyConflict, undefined, 'TRANSACTION_DENIED'],
    ['bet', WalletRefusal.BetAlreadyRefunded, undefined, 'TRANSACTION_DENIED'],
    ['refund', WalletRefusal.RefundAmountMismatch, undefined, 'TRANSACTION_DENIED'],
    ['bet', WalletRefusal.OperatorUnavailable, undefined, 'INTERNAL_ERROR'],
    ['bet', WalletRefusal.UnknownOutcome, undefined, 'BET_FAILED_UNKNOWN_ERROR'],
    ['win', WalletRefusal.UnknownOutcome, undefined, 'INTERNAL_ERROR'],
    ['refund', WalletRefusal.UnknownOutcome, undefined, 'INTERNAL_ERROR'],
    ['bet', WalletRefusal.InProgress, undefined, 'TRANSACTION_IN_PROGRESS'],
  ] as const)('%s refused %s (%s) → %s', (action, refusal, operatorCode, code) => {
    expect(refusalAnswer(action, refused(refusal, operatorCode))).toMatchObject({ ok: false, code });
  });

  it('shows the spec message for a casino limit', () => {
    expect(refusalAnswer('bet', refused(WalletRefusal.OperatorRefused, 'LIMIT_EXCEEDED'))).toEqual({
      ok: false,
      code: 'INTERNAL_ERROR',
      message: 'Not enough limits',
    });
  });
});

describe('X-Sign', () => {
  it('is hex HMAC-SHA256 of the raw body with the token (the spec PHP example)', () => {
    // PHP: hash_hmac('sha256', json_encode(['client_id' => 'abcd12345', 'game_id' => 'zxcv67890']), 'MVaoC9xKdJesozkX')
    const body = '{"client_id":"abcd12345","game_id":"zxcv67890"}';
    const sign = slotegratorSign('MVaoC9xKdJesozkX', body);
    // computed independently: echo -n '<body>' | openssl dgst -sha256 -hmac MVaoC9xKdJesozkX
    expect(sign).toBe('3dbf94d650ff70aeef8de197d608fdee075c8ac3a67b1da1328fae3838e593e1');
    expect(verifySlotegratorSign('MVaoC9xKdJesozkX', Buffer.from(body), sign)).toBe(true);
    expect(verifySlotegratorSign('MVaoC9xKdJesozkX', Buffer.from(body), sign.toUpperCase())).toBe(true);
  });

  it('refuses a missing, malformed or other-body signature', () => {
    const body = Buffer.from('{"action":"balance"}');
    const sign = slotegratorSign('t', body);
    expect(verifySlotegratorSign('t', body, undefined)).toBe(false);
    expect(verifySlotegratorSign('t', body, ['x'])).toBe(false);
    expect(verifySlotegratorSign('t', body, 'zz')).toBe(false);
    expect(verifySlotegratorSign('other', body, sign)).toBe(false);
    expect(verifySlotegratorSign('t', Buffer.from('{"action": "balance"}'), sign)).toBe(false);
  });
});
