import type { Money } from '@app/common';

export type OperatorWalletAction = 'session-check' | 'player-details' | 'balance' | 'move-funds';

/** The move-funds request we send (DESIGN §6); `transactionId` is what the operator dedups on. */
export interface MoveFundsRequest {
  transactionId: string;
  type: 'bet' | 'win' | 'refund';
  amount: string;
  currency: string;
  userId: string;
  sessionId: string | null;
  gameId: string | null;
  roundId: string | null;
  refTransactionId?: string;
}

/**
 * ok       — HTTP 200 `{ status: true, … }`
 * refused  — HTTP 200 `{ status: false, code, message }`: a known refusal, nothing applied
 * unknown  — anything else (other status, timeout, malformed body): the outcome is not known
 * open     — the breaker is open: nothing was sent
 */
export type OperatorWalletResult =
  | { kind: 'ok'; body: Record<string, unknown>; balance: Money | null }
  | { kind: 'refused'; code: string; message: string; balance: Money | null }
  | { kind: 'unknown'; reason: string }
  | { kind: 'open' };
