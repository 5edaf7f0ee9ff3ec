import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/common';

export enum WalletAdminErrorCode {
  /** `from` is after `to`, or the period is longer than a report may span. */
  INVALID_PERIOD = 'INVALID_PERIOD',
}

/** Errors of the wallet admin views (transactions, rounds, deliveries, reports). */
export class WalletAdminException extends DomainException<WalletAdminErrorCode> {
  constructor(code: WalletAdminErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }

  get httpStatus(): number {
    switch (this.code) {
      case WalletAdminErrorCode.INVALID_PERIOD:
        return HttpStatus.BAD_REQUEST;
    }
  }

  static fromAfterTo(from: string, to: string): WalletAdminException {
    return new WalletAdminException(
      WalletAdminErrorCode.INVALID_PERIOD,
      `from (${from}) must not be after to (${to})`,
      { from, to },
    );
  }

  static periodTooLong(maxDays: number): WalletAdminException {
    return new WalletAdminException(
      WalletAdminErrorCode.INVALID_PERIOD,
      `The period may span at most ${maxDays} days`,
      { maxDays },
    );
  }
}
