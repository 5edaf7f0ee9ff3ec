import type { Money } from '@app/common';

export type WalletMode = 'internal' | 'seamless';

/** Whose money moves: a player of an operator, in one currency. */
export interface WalletParty {
  operatorId: string;
  walletMode: WalletMode;
  playerId: string;
  currency: string;
}

/** Where the movement comes from and what it belongs to. */
export interface MovementContext {
  providerId: string;
  /** The provider's own transaction id. */
  externalId: string;
  /**
   * Extra part of the idempotency key where a protocol's ids are only unique within it (wallet-v2: the
   * currency). Omitted when the provider's id is unique on its own.
   */
  idempotencyScope?: string;
  sessionId?: string | null;
  gameId?: string | null;
  /** Provider round / turn / game_uuid; defaults to the transaction's own id. */
  providerRoundId?: string | null;
  /** Protocol detail: bet | freespin | tip | win | jackpot … */
  subtype?: string | null;
  /** Protocol extras stored with the transaction (apps `tag`…). */
  meta?: Record<string, unknown> | null;
}

export interface DebitInput extends MovementContext {
  party: WalletParty;
  amount: Money;
}

export type CreditInput = DebitInput;

export interface RollbackInput {
  party: WalletParty;
  providerId: string;
  /** The refund's own transaction id (b2b: the same as the bet's; the scope keeps them apart). */
  externalId: string;
  idempotencyScope?: string;
  /** The provider's id of the bet being reversed. */
  betExternalId: string;
  /** When the protocol states the amount, it must equal the bet's. */
  amount?: Money | null;
  sessionId?: string | null;
  gameId?: string | null;
  providerRoundId?: string | null;
  meta?: Record<string, unknown> | null;
}

export enum WalletRefusal {
  /** Balance lower than the bet. Stored: a repeat gets the same answer. */
  InsufficientFunds = 'INSUFFICIENT_FUNDS',
  /** Same transaction id with another amount, player, type or currency. Nothing stored. */
  IdempotencyConflict = 'IDEMPOTENCY_CONFLICT',
  /** A bet whose refund arrived first. */
  BetAlreadyRefunded = 'BET_ALREADY_REFUNDED',
  /** A refund stating an amount other than the bet's. */
  RefundAmountMismatch = 'REFUND_AMOUNT_MISMATCH',
  /** The seamless operator refused (its code is in `operatorCode`). */
  OperatorRefused = 'OPERATOR_REFUSED',
  /** The seamless operator could not be asked (breaker open); nothing was sent, nothing moved. */
  OperatorUnavailable = 'OPERATOR_UNAVAILABLE',
  /** The seamless operator's answer to a bet is unknown; a compensating refund is queued. */
  UnknownOutcome = 'UNKNOWN_OUTCOME',
  /** A repeat of a seamless bet still being decided by the operator. */
  InProgress = 'IN_PROGRESS',
}

export interface WalletOutcome {
  ok: boolean;
  /** Why, when not ok. */
  refusal?: WalletRefusal;
  /** The seamless operator's own refusal code, when it refused. */
  operatorCode?: string;
  /** Our transaction id (null for a conflict, which stores nothing). */
  transactionId: string | null;
  /** Player balance after the movement (a repeat: the balance stored with the original). */
  balance: Money | null;
  /** This answers a repeat of an earlier request: nothing moved now. */
  repeated: boolean;
  /** Succeeded without moving money (refund of an unknown, failed or already refunded bet). */
  noMovement?: boolean;
  /** Our round id, when the movement belongs to one. */
  roundId?: string | null;
}
