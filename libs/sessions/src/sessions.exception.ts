import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/common';

export enum SessionsErrorCode {
  CurrencyNotSupported = 'CURRENCY_NOT_SUPPORTED',
  GameNotAvailable = 'GAME_NOT_AVAILABLE',
  DemoNotAvailable = 'DEMO_NOT_AVAILABLE',
  PlayerBlocked = 'PLAYER_BLOCKED',
  OperatorRefused = 'OPERATOR_REFUSED',
  OperatorWalletUnavailable = 'OPERATOR_WALLET_UNAVAILABLE',
  OperatorAnswerMismatch = 'OPERATOR_ANSWER_MISMATCH',
  ProtocolNotSupported = 'PROTOCOL_NOT_SUPPORTED',
  ProviderLaunchFailed = 'PROVIDER_LAUNCH_FAILED',
  LaunchNotFound = 'LAUNCH_NOT_FOUND',
  LaunchUsed = 'LAUNCH_USED',
  LaunchExpired = 'LAUNCH_EXPIRED',
  SessionNotFound = 'SESSION_NOT_FOUND',
  SessionNotActive = 'SESSION_NOT_ACTIVE',
  PlayerNotFound = 'PLAYER_NOT_FOUND',
  LaunchContended = 'LAUNCH_CONTENDED',
  InvalidPeriod = 'INVALID_PERIOD',
}

function statusOf(code: SessionsErrorCode): number {
  switch (code) {
    case SessionsErrorCode.CurrencyNotSupported:
    case SessionsErrorCode.InvalidPeriod:
      return HttpStatus.BAD_REQUEST;
    case SessionsErrorCode.GameNotAvailable:
    case SessionsErrorCode.LaunchNotFound:
    case SessionsErrorCode.SessionNotFound:
    case SessionsErrorCode.PlayerNotFound:
      return HttpStatus.NOT_FOUND;
    case SessionsErrorCode.DemoNotAvailable:
    case SessionsErrorCode.ProtocolNotSupported:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case SessionsErrorCode.PlayerBlocked:
    case SessionsErrorCode.OperatorRefused:
      return HttpStatus.FORBIDDEN;
    case SessionsErrorCode.OperatorWalletUnavailable:
    case SessionsErrorCode.OperatorAnswerMismatch:
    case SessionsErrorCode.ProviderLaunchFailed:
      return HttpStatus.BAD_GATEWAY;
    case SessionsErrorCode.LaunchUsed:
    case SessionsErrorCode.LaunchExpired:
      return HttpStatus.GONE;
    case SessionsErrorCode.SessionNotActive:
    case SessionsErrorCode.LaunchContended:
      return HttpStatus.CONFLICT;
  }
}

/** Everything the launch flow and session admin refuse, with its code; the HTTP status follows from the code. */
export class SessionsException extends DomainException<SessionsErrorCode> {
  readonly httpStatus: number;

  constructor(code: SessionsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.httpStatus = statusOf(code);
  }
}
