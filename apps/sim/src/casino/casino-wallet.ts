import { Money, MoneyParseError, parseWire } from '@app/common';
import { CasinoControlError } from './casino-control.error';
import type {
  BalanceAnswer,
  BalanceRequest,
  CasinoRefusalCode,
  CasinoTransactionView,
  MoveFundsAnswer,
  MoveFundsRequest,
  PlayerDetailsAnswer,
  PlayerDetailsRequest,
  PlayerInput,
  PlayerView,
  Refusal,
  SessionCheckAnswer,
  SessionCheckRequest,
} from './casino.types';

interface Player {
  userId: string;
  token: string;
  currency: string;
  balance: Money;
  nickname: string;
  country: string;
  language: string;
  blocked: boolean;
}

interface CasinoTransaction {
  request: MoveFundsRequest;
  amount: Money;
  moved: Money;
  answer: MoveFundsAnswer | Refusal;
  refundedBy?: string;
  at: number;
}

export interface MoveFundsOutcome {
  answer: MoveFundsAnswer | Refusal;
  /** The transactionId was decided before: `answer` is the original one and nothing moved. */
  repeat: boolean;
}

const BALANCE_RULES = { maxDecimals: 8, allowNegative: false };

/**
 * The casino's books: players, balances and every decided move-funds. Each method is synchronous, and
 * Node runs one at a time, so a read and the write that depends on it can never interleave with another
 * request: concurrent bets cannot overdraw, a repeat racing its original is applied once.
 */
export class CasinoWallet {
  private readonly players = new Map<string, Player>();
  private readonly transactions = new Map<string, CasinoTransaction>();
  /** Bets refunded before they arrived: bet transactionId → the refund's transactionId. */
  private readonly refundedUnseen = new Map<string, string>();

  upsertPlayer(input: PlayerInput): PlayerView {
    const existing = this.players.get(input.userId);
    const balance = input.balance === undefined ? undefined : parseBalance(input.balance);
    if (existing) {
      existing.token = input.token ?? existing.token;
      existing.currency = input.currency ?? existing.currency;
      existing.balance = balance ?? existing.balance;
      existing.nickname = input.nickname ?? existing.nickname;
      existing.country = input.country ?? existing.country;
      existing.language = input.language ?? existing.language;
      existing.blocked = input.blocked ?? existing.blocked;
      return playerView(existing);
    }
    if (input.token === undefined || input.currency === undefined) {
      throw CasinoControlError.invalidPlayer(
        `A new player needs token and currency (userId ${input.userId})`,
      );
    }
    const player: Player = {
      userId: input.userId,
      token: input.token,
      currency: input.currency,
      balance: balance ?? Money.zero(),
      nickname: input.nickname ?? input.userId,
      country: input.country ?? 'MT',
      language: input.language ?? 'en',
      blocked: input.blocked ?? false,
    };
    this.players.set(player.userId, player);
    return playerView(player);
  }

  player(userId: string): PlayerView | undefined {
    const player = this.players.get(userId);
    return player && playerView(player);
  }

  allPlayers(): PlayerView[] {
    return [...this.players.values()].map(playerView);
  }

  transaction(transactionId: string): CasinoTransactionView | undefined {
    const tx = this.transactions.get(transactionId);
    return tx && transactionView(tx);
  }

  /** In the order they were decided; only this player's when userId is given. */
  allTransactions(userId?: string): CasinoTransactionView[] {
    const views: CasinoTransactionView[] = [];
    for (const tx of this.transactions.values()) {
      if (userId === undefined || tx.request.userId === userId) views.push(transactionView(tx));
    }
    return views;
  }

  sessionCheck(req: SessionCheckRequest): SessionCheckAnswer | Refusal {
    const found = this.playerForToken(req.userId, req.token);
    if ('status' in found) return found;
    return {
      status: true,
      userId: found.userId,
      balance: found.balance.toString(),
      currency: found.currency,
    };
  }

  playerDetails(req: PlayerDetailsRequest): PlayerDetailsAnswer | Refusal {
    const found = this.playerForToken(req.userId, req.token);
    if ('status' in found) return found;
    return {
      status: true,
      userId: found.userId,
      nickname: found.nickname,
      country: found.country,
      language: found.language,
      currency: found.currency,
      balance: found.balance.toString(),
    };
  }

  /** Informational: answered for blocked players too; a token, when sent, must be the player's. */
  balance(req: BalanceRequest): BalanceAnswer | Refusal {
    const player = this.players.get(req.userId);
    if (!player) return refusal('PLAYER_NOT_FOUND', `Player ${req.userId} not found`);
    if (req.token !== undefined && req.token !== player.token) {
      return refusal('INVALID_TOKEN', 'Token does not belong to this player');
    }
    if (req.currency !== player.currency) {
      return refusal(
        'CURRENCY_MISMATCH',
        `Player ${player.userId} plays in ${player.currency}, not ${req.currency}`,
      );
    }
    return {
      status: true,
      userId: player.userId,
      balance: player.balance.toString(),
      currency: player.currency,
    };
  }

  /**
   * Idempotent on transactionId: every decided move-funds (applied or refused by the rules below) is
   * kept with its answer, and a repeat gets that answer back without moving anything. Malformed requests
   * and unknown players are not decided, so a later retry is judged afresh.
   */
  moveFunds(req: MoveFundsRequest): MoveFundsOutcome {
    let amount: Money;
    try {
      amount = parseWire(req.amount, 'decimal8');
    } catch (e) {
      if (e instanceof MoneyParseError) return { answer: refusal('BAD_REQUEST', e.message), repeat: false };
      throw e;
    }
    const previous = this.transactions.get(req.transactionId);
    if (previous) {
      if (!sameTransaction(previous, req, amount)) {
        const message = `Transaction ${req.transactionId} was already decided with different content`;
        return { answer: refusal('TRANSACTION_MISMATCH', message), repeat: false };
      }
      return { answer: previous.answer, repeat: true };
    }
    const player = this.players.get(req.userId);
    if (!player)
      return { answer: refusal('PLAYER_NOT_FOUND', `Player ${req.userId} not found`), repeat: false };

    const decided = this.decide(player, req, amount);
    player.balance = player.balance.add(decided.moved);
    const answer: MoveFundsAnswer | Refusal =
      'code' in decided
        ? { ...refusal(decided.code, decided.message), balance: player.balance.toString() }
        : {
            status: true,
            userId: player.userId,
            balance: player.balance.toString(),
            currency: player.currency,
            transactionId: req.transactionId,
          };
    this.transactions.set(req.transactionId, {
      request: { ...req },
      amount,
      moved: decided.moved,
      answer,
      at: Date.now(),
    });
    return { answer, repeat: false };
  }

  /** Forgets players and transactions (not done by the casino's reset, which keeps the books). */
  clear(): void {
    this.players.clear();
    this.transactions.clear();
    this.refundedUnseen.clear();
  }

  private decide(
    player: Player,
    req: MoveFundsRequest,
    amount: Money,
  ): { moved: Money } | { moved: Money; code: CasinoRefusalCode; message: string } {
    const nothing = Money.zero();
    if (req.currency !== player.currency) {
      const message = `Player ${player.userId} plays in ${player.currency}, not ${req.currency}`;
      return { moved: nothing, code: 'CURRENCY_MISMATCH', message };
    }
    switch (req.type) {
      case 'bet': {
        const refund = this.refundedUnseen.get(req.transactionId);
        if (refund !== undefined) {
          const message = `Bet ${req.transactionId} was refunded by ${refund} before it arrived`;
          return { moved: nothing, code: 'TRANSACTION_REFUNDED', message };
        }
        if (player.blocked)
          return { moved: nothing, code: 'PLAYER_BLOCKED', message: `Player ${player.userId} is blocked` };
        if (player.balance.lt(amount)) {
          return { moved: nothing, code: 'INSUFFICIENT_FUNDS', message: 'Balance is lower than the bet' };
        }
        return { moved: amount.neg() };
      }
      case 'win':
        return { moved: amount };
      case 'refund':
        return this.decideRefund(player, req);
    }
  }

  private decideRefund(
    player: Player,
    req: MoveFundsRequest,
  ): { moved: Money } | { moved: Money; code: CasinoRefusalCode; message: string } {
    const nothing = Money.zero();
    // The request schema requires refTransactionId on refunds.
    const refId = req.refTransactionId ?? '';
    const bet = this.transactions.get(refId);
    if (!bet) {
      if (!this.refundedUnseen.has(refId)) this.refundedUnseen.set(refId, req.transactionId);
      return { moved: nothing };
    }
    if (bet.request.type !== 'bet' || bet.request.userId !== player.userId) {
      const message = `${refId} is not a bet of player ${player.userId}`;
      return { moved: nothing, code: 'INVALID_REFUND', message };
    }
    if (bet.answer.status && bet.refundedBy === undefined) {
      bet.refundedBy = req.transactionId;
      return { moved: bet.moved.neg() };
    }
    // Refused, or already refunded by another refund: succeeds, moves nothing.
    return { moved: nothing };
  }

  private playerForToken(userId: string, token: string): Player | Refusal {
    const player = this.players.get(userId);
    if (!player) return refusal('PLAYER_NOT_FOUND', `Player ${userId} not found`);
    if (token !== player.token) return refusal('INVALID_TOKEN', 'Token does not belong to this player');
    if (player.blocked) return refusal('PLAYER_BLOCKED', `Player ${userId} is blocked`);
    return player;
  }
}

function refusal(code: CasinoRefusalCode, message: string): Refusal {
  return { status: false, code, message };
}

function sameTransaction(previous: CasinoTransaction, req: MoveFundsRequest, amount: Money): boolean {
  const p = previous.request;
  return (
    p.type === req.type &&
    p.userId === req.userId &&
    p.currency === req.currency &&
    p.refTransactionId === req.refTransactionId &&
    previous.amount.eq(amount)
  );
}

function parseBalance(value: string | number): Money {
  try {
    return Money.parseDecimal(value, BALANCE_RULES);
  } catch (e) {
    if (e instanceof MoneyParseError) throw CasinoControlError.invalidPlayer(`balance: ${e.message}`);
    throw e;
  }
}

function playerView(p: Player): PlayerView {
  return {
    userId: p.userId,
    token: p.token,
    currency: p.currency,
    balance: p.balance.toString(),
    nickname: p.nickname,
    country: p.country,
    language: p.language,
    blocked: p.blocked,
  };
}

function transactionView(tx: CasinoTransaction): CasinoTransactionView {
  const r = tx.request;
  return {
    transactionId: r.transactionId,
    type: r.type,
    userId: r.userId,
    currency: r.currency,
    amount: tx.amount.toString(),
    moved: tx.moved.toString(),
    status: tx.answer.status ? 'applied' : 'refused',
    sessionId: r.sessionId,
    gameId: r.gameId,
    roundId: r.roundId,
    ...(r.refTransactionId === undefined ? {} : { refTransactionId: r.refTransactionId }),
    ...(tx.refundedBy === undefined ? {} : { refundedBy: tx.refundedBy }),
    answer: tx.answer,
    at: tx.at,
  };
}
