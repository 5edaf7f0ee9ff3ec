/**
 * Our error answers: `{ result, err_code, err_desc }`. The spec only requires `result` ≠ 1 and shows
 * `err_desc` to the player, so each code has its own `result` number and a short player-facing text.
 */
export enum WalletV2ErrorCode {
  BadRequest = 'BAD_REQUEST',
  UnknownType = 'UNKNOWN_TYPE',
  UnknownProvider = 'UNKNOWN_PROVIDER',
  IpNotAllowed = 'IP_NOT_ALLOWED',
  SessionNotFound = 'SESSION_NOT_FOUND',
  SessionExpired = 'SESSION_EXPIRED',
  DemoSession = 'DEMO_SESSION',
  PlayerBlocked = 'PLAYER_BLOCKED',
  InsufficientFunds = 'INSUFFICIENT_FUNDS',
  TransactionConflict = 'TRANSACTION_CONFLICT',
  BetAlreadyCancelled = 'BET_ALREADY_CANCELLED',
  BetRefused = 'BET_REFUSED',
  BetFailed = 'BET_FAILED',
  TryAgain = 'TRY_AGAIN',
  InternalError = 'INTERNAL_ERROR',
}

export interface WalletV2ErrorInfo {
  result: number;
  desc: string;
}

export function walletV2ErrorInfo(code: WalletV2ErrorCode): WalletV2ErrorInfo {
  switch (code) {
    case WalletV2ErrorCode.BadRequest:
      return { result: 2, desc: 'Invalid request' };
    case WalletV2ErrorCode.UnknownType:
      return { result: 3, desc: 'Unknown request type' };
    case WalletV2ErrorCode.UnknownProvider:
      return { result: 4, desc: 'Unknown wallet' };
    case WalletV2ErrorCode.IpNotAllowed:
      return { result: 5, desc: 'Access denied' };
    case WalletV2ErrorCode.SessionNotFound:
      return { result: 6, desc: 'Game session not found' };
    case WalletV2ErrorCode.SessionExpired:
      return { result: 7, desc: 'Game session expired, please restart the game' };
    case WalletV2ErrorCode.DemoSession:
      return { result: 8, desc: 'Demo session has no wallet' };
    case WalletV2ErrorCode.PlayerBlocked:
      return { result: 9, desc: 'Player is blocked' };
    case WalletV2ErrorCode.InsufficientFunds:
      return { result: 10, desc: 'Insufficient funds' };
    case WalletV2ErrorCode.TransactionConflict:
      return { result: 11, desc: 'Transaction id already used for another operation' };
    case WalletV2ErrorCode.BetAlreadyCancelled:
      return { result: 12, desc: 'Bet already cancelled' };
    case WalletV2ErrorCode.BetRefused:
      return { result: 13, desc: 'Bet refused by the casino' };
    case WalletV2ErrorCode.BetFailed:
      return { result: 14, desc: 'Bet failed, it will be cancelled' };
    case WalletV2ErrorCode.TryAgain:
      return { result: 15, desc: 'Wallet temporarily unavailable, try again' };
    case WalletV2ErrorCode.InternalError:
      return { result: 99, desc: 'Internal error' };
  }
}
