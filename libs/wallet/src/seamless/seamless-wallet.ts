import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Money } from '@app/common';
import { type MoveFundsRequest, OperatorWalletClient } from '@app/operators';
import type { TransactionKind } from '../entities/ledger-transaction.entity';
import {
  LedgerRepository,
  type MovementRow,
  newLedgerId,
  type StoredTransaction,
} from '../ledger.repository';
import { OPERATOR_REFUSED_PREFIX, outcomeOfRepeat } from '../outcome';
import { OutboxService } from '../outbox/outbox.service';
import { type DebitInput, type RollbackInput, WalletRefusal, type WalletOutcome } from '../wallet.types';
import { OperatorEndpoints } from './operator-endpoints.port';

/** How long past the operator call timeout a repeat of an in-flight seamless bet waits for the outcome. */
const IN_FLIGHT_WAIT_MS = 2000;
const IN_FLIGHT_POLL_MS = 25;

/**
 * The seamless wallet: the operator's wallet is the truth. A bet is a synchronous move-funds; an unknown
 * outcome marks it failed and queues a compensating refund. Wins and refunds are booked with an outbox row
 * in the same DB transaction, tried once inline, then delivered by the worker until acknowledged. Our
 * ledger keeps the movements (shadow postings) and the operator's last reported balance.
 */
@Injectable()
export class SeamlessWallet {
  private readonly logger = new Logger(SeamlessWallet.name);

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly client: OperatorWalletClient,
    private readonly endpoints: OperatorEndpoints,
    private readonly outbox: OutboxService,
  ) {}

  async bet(args: {
    input: DebitInput;
    key: string;
    fingerprint: string;
    accountId: string;
    houseId: string;
  }): Promise<WalletOutcome> {
    const { input } = args;
    const movement: MovementRow & { id: string } = {
      id: newLedgerId(),
      key: args.key,
      kind: 'bet',
      party: input.party,
      accountId: args.accountId,
      counterAccountId: args.houseId,
      amount: input.amount,
      ctx: input,
      fingerprint: args.fingerprint,
      round: 'bet',
      direction: 'debit',
    };
    if (!(await this.ledger.claimPending(movement)))
      return this.repeatOf(args.key, 'bet', args.fingerprint, args.accountId);

    const endpoint = await this.endpoints.endpoint(input.party.operatorId);
    const request = this.moveFunds(movement.id, 'bet', input.amount, input);
    const result = await this.client.moveFunds(endpoint, request);
    switch (result.kind) {
      case 'ok': {
        const roundId = await this.ledger.commitPendingBet(movement, result.balance);
        return { ok: true, transactionId: movement.id, balance: result.balance, repeated: false, roundId };
      }
      case 'refused': {
        const insufficient = result.code === 'INSUFFICIENT_FUNDS';
        const code = insufficient
          ? WalletRefusal.InsufficientFunds
          : `${OPERATOR_REFUSED_PREFIX}${result.code}`;
        if (result.balance) await this.ledger.setOperatorBalance(args.accountId, result.balance);
        await this.ledger.closePending(movement.id, 'refused', code, result.balance);
        return {
          ok: false,
          refusal: insufficient ? WalletRefusal.InsufficientFunds : WalletRefusal.OperatorRefused,
          operatorCode: result.code,
          transactionId: movement.id,
          balance: result.balance,
          repeated: false,
        };
      }
      case 'open': {
        // Nothing was sent: a known non-application.
        await this.ledger.closePending(movement.id, 'refused', WalletRefusal.OperatorUnavailable, null);
        return {
          ok: false,
          refusal: WalletRefusal.OperatorUnavailable,
          transactionId: movement.id,
          balance: null,
          repeated: false,
        };
      }
      case 'unknown': {
        await this.failWithCompensation(movement.id, request, result.reason);
        return {
          ok: false,
          refusal: WalletRefusal.UnknownOutcome,
          transactionId: movement.id,
          balance: null,
          repeated: false,
        };
      }
    }
  }

  /**
   * Waits until the bet stored under `key` leaves `pending` (its operator call is bounded by the call
   * timeout). False when it still is pending: the process asking the operator may have died, and the
   * sweeper will fail and compensate the bet.
   */
  async waitUntilDecided(key: string): Promise<boolean> {
    const deadline = Date.now() + this.client.callTimeoutMs + IN_FLIGHT_WAIT_MS;
    for (;;) {
      const stored = await this.ledger.findByKey(key);
      if (!stored || stored.status !== 'pending') return true;
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, IN_FLIGHT_POLL_MS));
    }
  }

  /** Marks a bet failed and queues the refund that undoes it at the operator if it was applied there. */
  async failWithCompensation(betId: string, bet: MoveFundsRequest, reason: string): Promise<void> {
    const outboxId = newLedgerId();
    await this.ledger.dataSource.transaction(async (em) => {
      await this.ledger.closePending(betId, 'failed', WalletRefusal.UnknownOutcome, null, em);
      await this.outbox.add(em, outboxId, betId, await this.operatorOf(em, betId), {
        ...bet,
        transactionId: outboxId,
        type: 'refund',
        refTransactionId: betId,
      });
    });
    this.logger.warn({ betId, reason }, 'Seamless bet outcome unknown: compensating refund queued');
    await this.outbox.enqueue(outboxId);
  }

  /**
   * Seamless bets left `pending` (the process died while asking the operator): after twice the call
   * timeout their outcome is unknown, so they are failed and compensated like a timeout.
   */
  async sweepStalePendingBets(olderThanMs = 30_000): Promise<number> {
    const rows: {
      id: string;
      amount: string;
      currency: string;
      player_id: string;
      session_id: string | null;
      game_id: string | null;
      provider_round_id: string | null;
    }[] = await this.ledger.dataSource.query(
      `SELECT id, amount, currency, player_id, session_id, game_id, provider_round_id FROM wallet_transactions
       WHERE status = 'pending' AND kind = 'bet' AND wallet_mode = 'seamless'
         AND created_at < now() - ($1::int * interval '1 millisecond')
       ORDER BY created_at LIMIT 500`,
      [olderThanMs],
    );
    for (const r of rows) {
      await this.failWithCompensation(
        r.id,
        {
          transactionId: r.id,
          type: 'bet',
          amount: Money.fromDb(r.amount).toString(),
          currency: r.currency,
          userId: r.player_id,
          sessionId: r.session_id,
          gameId: r.game_id,
          roundId: r.provider_round_id,
        },
        'left pending',
      );
    }
    return rows.length;
  }

  /** A win: booked with its outbox row in one DB transaction, then delivered. */
  async settle(movement: MovementRow, opts: { type: 'win' }): Promise<WalletOutcome> {
    const id = newLedgerId();
    const outboxId = newLedgerId();
    const request = this.moveFunds(id, opts.type, movement.amount, {
      ...movement.ctx,
      party: movement.party,
    });
    const res = await this.ledger.dataSource.transaction(async (em) => {
      const applied = await this.ledger.applyMovement({ ...movement, id }, em);
      if (applied.inserted)
        await this.outbox.add(em, outboxId, id, movement.party.operatorId, { ...request });
      return applied;
    });
    if (!res.inserted)
      return this.repeatOf(movement.key, movement.kind, movement.fingerprint, movement.accountId);
    const balance = await this.deliverInline(outboxId, movement.accountId, movement.amount);
    await this.ledger.dataSource.query(
      `UPDATE wallet_transactions SET balance_after = $2::numeric WHERE id = $1`,
      [id, balance?.toDb() ?? null],
    );
    return { ok: true, transactionId: id, balance, repeated: false, roundId: res.roundId };
  }

  /**
   * A refund of a committed seamless bet, inside the rollback's DB transaction: shadow postings and the
   * outbox row. The caller delivers it after commit (`deliverAfterCommit`).
   */
  async refund(
    em: EntityManager,
    args: {
      refundId: string;
      bet: StoredTransaction;
      input: RollbackInput;
      accountId: string;
      houseId: string;
    },
  ): Promise<WalletOutcome & { outboxId: string; refundAmount: Money }> {
    const { bet, input } = args;
    const outboxId = newLedgerId();
    await em.query(`UPDATE accounts SET balance = balance + $2::numeric, updated_at = now() WHERE id = $1`, [
      args.accountId,
      bet.amount.toDb(),
    ]);
    await this.ledger.insertPostings(em, args.refundId, input.party.currency, [
      [args.accountId, bet.amount],
      [args.houseId, bet.amount.neg()],
    ]);
    const request: MoveFundsRequest = {
      ...this.moveFunds(args.refundId, 'refund', bet.amount, {
        party: input.party,
        sessionId: bet.sessionId,
        gameId: bet.gameId,
        providerRoundId: bet.providerRoundId,
        externalId: bet.externalId,
      }),
      refTransactionId: bet.id,
    };
    await this.outbox.add(em, outboxId, args.refundId, input.party.operatorId, request);
    await em.query(
      `UPDATE wallet_transactions SET status = 'committed', amount = $2::numeric, round_id = $3, updated_at = now() WHERE id = $1`,
      [args.refundId, bet.amount.toDb(), bet.roundId],
    );
    return {
      ok: true,
      transactionId: args.refundId,
      balance: null,
      repeated: false,
      roundId: bet.roundId,
      outboxId,
      refundAmount: bet.amount,
    };
  }

  /** After the refund's transaction committed: deliver once inline and report the balance. */
  async deliverAfterCommit(
    outboxId: string,
    accountId: string,
    transactionId: string,
    amount: Money,
  ): Promise<Money | null> {
    const balance = await this.deliverInline(outboxId, accountId, amount);
    await this.ledger.dataSource.query(
      `UPDATE wallet_transactions SET balance_after = $2::numeric WHERE id = $1`,
      [transactionId, balance?.toDb() ?? null],
    );
    return balance;
  }

  /** The operator's balance if it acknowledged now; else the last known one plus what it is owed. */
  private async deliverInline(outboxId: string, accountId: string, amount: Money): Promise<Money | null> {
    const delivered = await this.outbox.deliver(outboxId);
    if (delivered.delivered && delivered.balance) return delivered.balance;
    if (!delivered.delivered) await this.outbox.enqueue(outboxId, 1000);
    const last = await this.ledger.operatorBalance(accountId);
    return last ? last.add(amount) : null;
  }

  /** Balance for a seamless player: ask the operator; when it cannot answer, the last known balance. */
  async balance(
    operatorId: string,
    playerId: string,
    currency: string,
    accountId: string,
  ): Promise<Money | null> {
    const endpoint = await this.endpoints.endpoint(operatorId);
    const result = await this.client.call(endpoint, 'balance', { userId: playerId, currency });
    if (result.kind === 'ok' && result.balance) {
      await this.ledger.setOperatorBalance(accountId, result.balance);
      return result.balance;
    }
    return this.ledger.operatorBalance(accountId);
  }

  /**
   * The answer to a twin of a stored movement: once the operator has answered a pending bet, or once the
   * first delivery of a win or refund has been tried (before that a twin would answer with the balance from
   * before it), and at the latest after the call timeout plus IN_FLIGHT_WAIT_MS.
   */
  async repeatOf(key: string, kind: TransactionKind, fp: string, accountId: string): Promise<WalletOutcome> {
    const deadline = Date.now() + this.client.callTimeoutMs + IN_FLIGHT_WAIT_MS;
    for (;;) {
      const stored = await this.ledger.findByKey(key);
      if (!stored) throw new Error(`Transaction ${key} vanished`);
      const inFlight =
        stored.status === 'pending' ||
        ((stored.kind === 'win' || stored.kind === 'refund') &&
          stored.balanceAfter === null &&
          (await this.outbox.firstTryRunning(stored.id)));
      if (!inFlight || Date.now() >= deadline) {
        return outcomeOfRepeat(stored, kind, fp, await this.ledger.operatorBalance(accountId));
      }
      await new Promise((r) => setTimeout(r, IN_FLIGHT_POLL_MS));
    }
  }

  private async operatorOf(em: EntityManager, txId: string): Promise<string> {
    const rows: { operator_id: string }[] = await em.query(
      `SELECT operator_id FROM wallet_transactions WHERE id = $1`,
      [txId],
    );
    return rows[0].operator_id;
  }

  private moveFunds(
    transactionId: string,
    type: MoveFundsRequest['type'],
    amount: Money,
    ctx: Pick<DebitInput, 'party' | 'sessionId' | 'gameId' | 'providerRoundId' | 'externalId'>,
  ): MoveFundsRequest {
    return {
      transactionId,
      type,
      amount: amount.toString(),
      currency: ctx.party.currency,
      userId: ctx.party.playerId,
      sessionId: ctx.sessionId ?? null,
      gameId: ctx.gameId ?? null,
      roundId: ctx.providerRoundId ?? ctx.externalId,
    };
  }
}
