import { DomainException } from '@app/common';

export enum CasinoControlErrorCode {
  PLAYER_NOT_FOUND = 'PLAYER_NOT_FOUND',
  TRANSACTION_NOT_FOUND = 'TRANSACTION_NOT_FOUND',
  INVALID_PLAYER = 'INVALID_PLAYER',
  NOT_STARTED = 'NOT_STARTED',
  CALL_TIMEOUT = 'CALL_TIMEOUT',
}

/** A refused call of the casino's control API, or of the same methods on the class. */
export class CasinoControlError extends DomainException<CasinoControlErrorCode> {
  constructor(code: CasinoControlErrorCode, message: string) {
    super(code, message);
  }

  get httpStatus(): number {
    switch (this.code) {
      case CasinoControlErrorCode.PLAYER_NOT_FOUND:
      case CasinoControlErrorCode.TRANSACTION_NOT_FOUND:
        return 404;
      case CasinoControlErrorCode.INVALID_PLAYER:
        return 400;
      case CasinoControlErrorCode.NOT_STARTED:
        return 409;
      case CasinoControlErrorCode.CALL_TIMEOUT:
        return 408;
    }
  }

  static playerNotFound(userId: string): CasinoControlError {
    return new CasinoControlError(CasinoControlErrorCode.PLAYER_NOT_FOUND, `Player ${userId} does not exist`);
  }

  static transactionNotFound(transactionId: string): CasinoControlError {
    return new CasinoControlError(
      CasinoControlErrorCode.TRANSACTION_NOT_FOUND,
      `Transaction ${transactionId} was never decided`,
    );
  }

  static invalidPlayer(message: string): CasinoControlError {
    return new CasinoControlError(CasinoControlErrorCode.INVALID_PLAYER, message);
  }

  static notStarted(): CasinoControlError {
    return new CasinoControlError(
      CasinoControlErrorCode.NOT_STARTED,
      'The casino has not been started: call start() first',
    );
  }

  static callTimeout(timeoutMs: number): CasinoControlError {
    return new CasinoControlError(
      CasinoControlErrorCode.CALL_TIMEOUT,
      `No matching wallet call within ${timeoutMs} ms`,
    );
  }
}
