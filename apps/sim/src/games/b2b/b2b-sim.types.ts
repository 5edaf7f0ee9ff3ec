/** What the integrator (this simulator) sends: `{ api, data }` (spec §3). */
export interface B2bSimRequest {
  api: string;
  data: Record<string, unknown>;
}

/** The operator's (our aggregator's) answer: `{ api, success, answer }`. */
export interface B2bSimAnswer {
  api: string;
  success: boolean;
  answer: {
    operator_id?: number | string;
    transaction_id?: string;
    user_id?: string;
    user_nickname?: string;
    balance?: string;
    bonus_balance?: string;
    bonus_amount?: string;
    auth_token?: string;
    game_token?: string;
    error_code: number;
    error_description: string;
    currency?: string;
    timestamp?: string;
    free_rounds?: Record<string, unknown>;
    [key: string]: unknown;
  };
}

/** One exchange with the aggregator: what was sent (exact bytes) and what came back. */
export interface B2bExchange {
  request: B2bSimRequest;
  body: string;
  status: number;
  answer: B2bSimAnswer;
}

/** A player's game after a successful auth: what every later call carries. */
export interface B2bGameSession {
  userId: string;
  currency: string;
  gameToken: string;
  gameName: string;
  gameCode: number;
  userIp: string;
  nickname: string;
  balance: string;
}

export interface B2bMoveOptions {
  /** Default: a fresh UUID (36 characters, as the spec's string(36)). */
  transactionId?: string;
  /** Default: the current round of the session (a fresh one for a bet). bigint above 2^53 is sent exactly. */
  turnId?: number | bigint | string;
}
