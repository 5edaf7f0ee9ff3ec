import type { Money } from '@app/common';
import type { B2bApi, B2bFeaturesApi, B2bMoneyApi } from './b2b-api';

interface B2bBaseData {
  userId: string;
  /** Informational; the spec's own auth example omits it (its key is written twice as `user_id`). */
  userIp: string | null;
  currency: string;
}

export interface B2bAuthRequest extends B2bBaseData {
  api: 'do-auth-user-ingame';
  authToken: string;
}

export interface B2bMoneyRequest extends B2bBaseData {
  api: B2bMoneyApi;
  gameToken: string;
  /** BigInt on the wire: kept as its exact decimal digits. */
  turnId: string;
  transactionId: string;
  gameCode: number;
  gameName: string;
  /** debit_amount / credit_amount / rollback_amount. */
  amount: Money;
}

export interface B2bFeaturesRequest extends B2bBaseData {
  api: B2bFeaturesApi;
  gameToken: string;
  gameCode: number;
  gameName: string | null;
  /** activate and end: the bonus id. */
  freeRoundsId: number | null;
  /** end: the amount won in the bonus. */
  freeRoundsWin: Money | null;
}

export type B2bRequest = B2bAuthRequest | B2bMoneyRequest | B2bFeaturesRequest;

/** A request this protocol refuses before anything is looked up; what it could read is kept for the answer. */
export interface B2bRequestRefusal {
  api: string;
  known: B2bApi | null;
  description: string;
  /** Echoed in the answer when readable. */
  echo: {
    userId?: string;
    currency?: string;
    transactionId?: string;
    authToken?: string;
    gameToken?: string;
  };
}

export type B2bParseResult = { ok: true; request: B2bRequest } | { ok: false; refusal: B2bRequestRefusal };
