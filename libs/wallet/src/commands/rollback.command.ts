import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Money } from '@app/common';
import { AccountsService } from '../accounts.service';
import {
  fingerprint,
  idempotencyKey,
  LedgerRepository,
  returnedRows,
  type StoredTransaction,
} from '../ledger.repository';
import { conflict, outcomeOfRepeat } from '../outcome';
import { SeamlessWallet } from '../seamless/seamless-wallet';
import { type RollbackInput, type WalletMode, WalletRefusal, type WalletOutcome } from '../wallet.types';

class RollbackConflict extends Error {}
/** The referenced seamless bet is still being decided by the operator. */
class BetInFlight extends Error {}

const MAX_IN_FLIGHT_ATTEMPTS = 3;

/**
 * A refund of a referenced bet. Reverses a committed bet exactly once; a refund that arrives before its
 * bet takes the bet's key first (a `voided` placeholder), so the late bet is refused; a refund of a bet
 * that never moved money succeeds with no movement. Lock order: refund row, bet row, player account, round.
 */
@Injectable()
export class RollbackCommand {
  constructor(
    private readonly accounts: AccountsService,
    private readonly ledger: LedgerRepository,
    private readonly seamless: SeamlessWallet,
  ) {}

  async execute(input: RollbackInput): Promise<WalletOutcome> {
    const { party } = input;
    const refundKey = idempotencyKey(input.providerId, 'refund', input.externalId, input.idempotencyScope);
    const betKey = idempotencyKey(input.providerId, 'tx', input.betExternalId, input.idempotencyScope);
    const fp = fingerprint('refund', party, input.amount ?? null, input.betExternalId);
    const [accountId, houseId] = await Promise.all([
      this.accounts.player(party.operatorId, party.playerId, party.currency),
      this.accounts.house(input.providerId, party.currency),
    ]);
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.ledger.dataSource.transaction('READ COMMITTED', (em) =>
          this.inTransaction(em, input, { refundKey, betKey, fp, accountId, houseId }),
        );
        if (outcome && 'outboxId' in outcome && typeof outcome.outboxId === 'string') {
          const { outboxId, refundAmount, ...rest } = outcome as WalletOutcome & {
            outboxId: string;
            refundAmount: Money;
          };
          const balance = await this.seamless.deliverAfterCommit(
            outboxId,
            accountId,
            rest.transactionId!,
            refundAmount,
          );
          return { ...rest, balance };
        }
        if (outcome) return await this.withOperatorBalance(outcome, party, accountId);
        break;
      } catch (e) {
        if (e instanceof RollbackConflict) return conflict();
        if (!(e instanceof BetInFlight)) throw e;
        // Nothing was stored (the transaction rolled back): decide once the operator has answered the bet.
        if (attempt >= MAX_IN_FLIGHT_ATTEMPTS || !(await this.seamless.waitUntilDecided(betKey))) {
          return {
            ok: false,
            refusal: WalletRefusal.InProgress,
            transactionId: null,
            balance: null,
            repeated: false,
          };
        }
      }
    }
    if (party.walletMode === 'seamless') return this.seamless.repeatOf(refundKey, 'refund', fp, accountId);
    const stored = await this.ledger.findByKey(refundKey);
    if (!stored) throw new Error(`Refund ${refundKey} vanished`);
    return outcomeOfRepeat(stored, 'refund', fp, await this.ledger.accountBalance(accountId));
  }

  /**
   * A seamless refund that moved nothing (or was refused) sent nothing to the operator, so the balance to
   * report is the operator's: asked now, else its last known one. Never our shadow account's.
   */
  private async withOperatorBalance(
    outcome: WalletOutcome,
    party: RollbackInput['party'],
    accountId: string,
  ): Promise<WalletOutcome> {
    if (party.walletMode !== 'seamless') return outcome;
    const balance = await this.seamless.balance(party.operatorId, party.playerId, party.currency, accountId);
    return { ...outcome, balance };
  }

  /** Returns null when the refund key was already taken (a repeat). */
  private async inTransaction(
    em: EntityManager,
    input: RollbackInput,
    k: { refundKey: string; betKey: string; fp: string; accountId: string; houseId: string },
  ): Promise<WalletOutcome | null> {
    const { party } = input;
    const claimed: { id: string }[] = await em.query(
      `INSERT INTO wallet_transactions (idempotency_key, provider_id, operator_id, player_id, account_id, external_id,
         kind, amount, currency, status, wallet_mode, session_id, game_id, provider_round_id, ref_external_id,
         fingerprint, meta)
       VALUES ($1, $2, $3, $4, $5, $6, 'refund', $7, $8, 'pending', $9, $10, $11, $12, $13, $14, $15::jsonb)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        k.refundKey,
        input.providerId,
        party.operatorId,
        party.playerId,
        k.accountId,
        input.externalId,
        (input.amount ?? Money.zero()).toDb(),
        party.currency,
        party.walletMode,
        input.sessionId ?? null,
        input.gameId ?? null,
        input.providerRoundId ?? null,
        input.betExternalId,
        k.fp,
        input.meta ? JSON.stringify(input.meta) : null,
      ],
    );
    if (claimed.length === 0) return null;
    const refundId = claimed[0].id;

    const bet = await this.lockOrPreemptBet(em, input, k.betKey, k.accountId);
    if (bet === 'preempted') {
      return this.finish(em, input.party.walletMode, refundId, k.accountId, { noMovement: true });
    }
    if (
      bet.kind !== 'bet' ||
      bet.operatorId !== party.operatorId ||
      bet.playerId !== party.playerId ||
      bet.currency !== party.currency
    ) {
      throw new RollbackConflict();
    }
    if (bet.status === 'pending') {
      // A seamless bet whose move-funds is in flight: answering "no movement" now would lose the bet if the
      // operator then applies it.
      throw new BetInFlight();
    }
    if (input.amount && !input.amount.eq(bet.amount)) {
      return this.finish(em, input.party.walletMode, refundId, k.accountId, {
        refusal: WalletRefusal.RefundAmountMismatch,
      });
    }
    if (bet.status !== 'committed' || bet.refundedAt !== null) {
      // The bet never moved money (refused, failed, voided) or was already reversed by another refund.
      return this.finish(em, input.party.walletMode, refundId, k.accountId, {
        noMovement: true,
        roundId: bet.roundId,
      });
    }
    if (party.walletMode === 'seamless') {
      const outcome = await this.seamless.refund(em, {
        refundId,
        bet,
        input,
        accountId: k.accountId,
        houseId: k.houseId,
      });
      await this.reverseBetBookkeeping(em, bet);
      return outcome;
    }
    const rows = returnedRows<{ balance: string }>(
      await em.query(
        `UPDATE accounts SET balance = balance + $2::numeric, updated_at = now() WHERE id = $1 RETURNING balance`,
        [k.accountId, bet.amount.toDb()],
      ),
    );
    const balance = Money.fromDb(rows[0].balance);
    await this.ledger.insertPostings(em, refundId, party.currency, [
      [k.accountId, bet.amount],
      [k.houseId, bet.amount.neg()],
    ]);
    await this.reverseBetBookkeeping(em, bet);
    await em.query(
      `UPDATE wallet_transactions SET status = 'committed', amount = $2::numeric, balance_after = $3::numeric,
         round_id = $4, updated_at = now() WHERE id = $1`,
      [refundId, bet.amount.toDb(), balance.toDb(), bet.roundId],
    );
    return { ok: true, transactionId: refundId, balance, repeated: false, roundId: bet.roundId };
  }

  private async lockOrPreemptBet(
    em: EntityManager,
    input: RollbackInput,
    betKey: string,
    accountId: string,
  ): Promise<StoredTransaction | 'preempted'> {
    const existing = await this.ledger.findByKey(betKey, em, true);
    if (existing) return existing;
    const { party } = input;
    // The bet has not arrived: take its key so that, if it comes late, it is refused.
    const inserted: { id: string }[] = await em.query(
      `INSERT INTO wallet_transactions (idempotency_key, provider_id, operator_id, player_id, account_id, external_id,
         kind, amount, currency, status, error_code, wallet_mode, provider_round_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'bet', $7, $8, 'voided', 'REFUNDED_BEFORE_BET', $9, $10)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        betKey,
        input.providerId,
        party.operatorId,
        party.playerId,
        accountId,
        input.betExternalId,
        (input.amount ?? Money.zero()).toDb(),
        party.currency,
        party.walletMode,
        input.providerRoundId ?? null,
      ],
    );
    if (inserted.length > 0) return 'preempted';
    // The bet committed while we looked: reverse it.
    const bet = await this.ledger.findByKey(betKey, em, true);
    if (!bet) throw new Error(`Bet ${betKey} vanished`);
    return bet;
  }

  private async reverseBetBookkeeping(em: EntityManager, bet: StoredTransaction): Promise<void> {
    await em.query(`UPDATE wallet_transactions SET refunded_at = now(), updated_at = now() WHERE id = $1`, [
      bet.id,
    ]);
    if (bet.roundId) {
      await em.query(
        `UPDATE rounds SET refund_total = refund_total + $2::numeric, refunded_count = refunded_count + 1,
           status = CASE WHEN refunded_count + 1 >= bet_count THEN 'closed' ELSE status END,
           closed_at = CASE WHEN refunded_count + 1 >= bet_count THEN COALESCE(closed_at, now()) ELSE closed_at END,
           updated_at = now()
         WHERE id = $1`,
        [bet.roundId, bet.amount.toDb()],
      );
    }
  }

  private async finish(
    em: EntityManager,
    walletMode: WalletMode,
    refundId: string,
    accountId: string,
    result: { noMovement?: boolean; refusal?: WalletRefusal; roundId?: string | null },
  ): Promise<WalletOutcome> {
    const balance =
      walletMode === 'seamless'
        ? await this.ledger.operatorBalance(accountId, em)
        : await this.ledger.accountBalance(accountId, em);
    await em.query(
      `UPDATE wallet_transactions SET status = $2::varchar, error_code = $3, amount = CASE WHEN $2::varchar = 'committed' THEN 0 ELSE amount END,
         balance_after = $4::numeric, round_id = $5, updated_at = now() WHERE id = $1`,
      [
        refundId,
        result.refusal ? 'refused' : 'committed',
        result.refusal ?? null,
        balance?.toDb() ?? null,
        result.roundId ?? null,
      ],
    );
    return result.refusal
      ? { ok: false, refusal: result.refusal, transactionId: refundId, balance, repeated: false }
      : {
          ok: true,
          transactionId: refundId,
          balance,
          repeated: false,
          noMovement: result.noMovement,
          roundId: result.roundId,
        };
  }
}
