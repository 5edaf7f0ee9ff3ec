import { DomainException } from '@app/common';

export enum WalletErrorCode {
  InvalidAmount = 'INVALID_AMOUNT',
  InsufficientFunds = 'INSUFFICIENT_FUNDS',
  IdempotencyConflict = 'IDEMPOTENCY_CONFLICT',
  CurrencyNotSupported = 'CURRENCY_NOT_SUPPORTED',
  NotInternalWallet = 'NOT_INTERNAL_WALLET',
}

export class WalletException extends DomainException<WalletErrorCode> {
  get httpStatus(): number {
    switch (this.code) {
      case WalletErrorCode.InvalidAmount:
        return 400;
      case WalletErrorCode.InsufficientFunds:
        return 409;
      case WalletErrorCode.IdempotencyConflict:
        return 409;
      case WalletErrorCode.CurrencyNotSupported:
        return 400;
      case WalletErrorCode.NotInternalWallet:
        return 409;
    }
  }

  constructor(code: WalletErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
