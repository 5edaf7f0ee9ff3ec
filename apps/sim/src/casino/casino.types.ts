/**
 * The seamless wallet contract as the reference casino sees it (DESIGN §6, "Calls we make to a seamless
 * operator's walletUrl"): what the aggregator sends, and what the casino answers.
 */

export const WALLET_ACTIONS = ['session-check', 'player-details', 'balance', 'move-funds'] as const;
export type WalletAction = (typeof WALLET_ACTIONS)[number];

export const MOVE_TYPES = ['bet', 'win', 'refund'] as const;
export type MoveType = (typeof MOVE_TYPES)[number];

export interface SessionCheckRequest {
  action: 'session-check';
  userId: string;
  token: string;
}

export interface PlayerDetailsRequest {
  action: 'player-details';
  userId: string;
  token: string;
}

export interface BalanceRequest {
  action: 'balance';
  userId: string;
  currency: string;
  token?: string;
}

export interface MoveFundsRequest {
  action: 'move-funds';
  transactionId: string;
  type: MoveType;
  /** Decimal string, at most 8 decimals, never negative. */
  amount: string;
  currency: string;
  userId: string;
  sessionId: string;
  gameId: string;
  roundId: string;
  /** Required for a refund: the bet it reverses. */
  refTransactionId?: string;
}

export type WalletRequest = SessionCheckRequest | PlayerDetailsRequest | BalanceRequest | MoveFundsRequest;

/** Refusal codes the casino's own wallet logic produces (an injected `refuse` fault may use any code). */
export const CASINO_REFUSAL_CODES = [
  'BAD_REQUEST',
  'INVALID_TOKEN',
  'PLAYER_NOT_FOUND',
  'PLAYER_BLOCKED',
  'CURRENCY_MISMATCH',
  'INSUFFICIENT_FUNDS',
  /** A bet whose refund arrived first. */
  'TRANSACTION_REFUNDED',
  /** A transactionId seen before with a different type, amount, currency, player or refTransactionId. */
  'TRANSACTION_MISMATCH',
  /** A refund whose refTransactionId is not a bet of this player. */
  'INVALID_REFUND',
] as const;
export type CasinoRefusalCode = (typeof CASINO_REFUSAL_CODES)[number];

export interface Refusal {
  status: false;
  code: string;
  message: string;
  balance?: string;
}

export interface SessionCheckAnswer {
  status: true;
  userId: string;
  balance: string;
  currency: string;
}

export interface PlayerDetailsAnswer {
  status: true;
  userId: string;
  nickname: string;
  country: string;
  language: string;
  currency: string;
  balance: string;
}

export interface BalanceAnswer {
  status: true;
  userId: string;
  balance: string;
  currency: string;
}

export interface MoveFundsAnswer {
  status: true;
  userId: string;
  balance: string;
  currency: string;
  transactionId: string;
}

export type WalletAnswer =
  SessionCheckAnswer | PlayerDetailsAnswer | BalanceAnswer | MoveFundsAnswer | Refusal;

/** Adds a player, or updates the given fields of an existing one. */
export interface PlayerInput {
  userId: string;
  /** Required for a new player. */
  token?: string;
  /** Required for a new player; the player's only currency. */
  currency?: string;
  /** Decimal (string preferred), ≤ 8 decimals, ≥ 0; a new player defaults to 0. */
  balance?: string | number;
  /** Defaults to the userId. */
  nickname?: string;
  /** Defaults to "MT". */
  country?: string;
  /** Defaults to "en". */
  language?: string;
  /** A blocked player fails session-check, player-details and bets; wins and refunds still land. */
  blocked?: boolean;
}

export interface PlayerView {
  userId: string;
  token: string;
  currency: string;
  balance: string;
  nickname: string;
  country: string;
  language: string;
  blocked: boolean;
}

/** One decided move-funds (success or business refusal), as kept for idempotency and shown to tests. */
export interface CasinoTransactionView {
  transactionId: string;
  type: MoveType;
  userId: string;
  currency: string;
  /** The amount the aggregator asked for. */
  amount: string;
  /** Signed change of the balance this transaction made: "-1.5" for a bet, "0" when nothing moved. */
  moved: string;
  status: 'applied' | 'refused';
  sessionId: string;
  gameId: string;
  roundId: string;
  refTransactionId?: string;
  /** Set on a bet once a refund reversed it. */
  refundedBy?: string;
  /** The answer given the first time; repeats get exactly this. */
  answer: MoveFundsAnswer | Refusal;
  /** Epoch ms. */
  at: number;
}
