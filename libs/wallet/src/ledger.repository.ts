import { hash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Money, queryPrepared } from '@app/common';
import type { TransactionKind, TransactionStatus } from './entities/ledger-transaction.entity';
import type { MovementContext, WalletParty } from './wallet.types';

/** What a repeat is compared with, and answered from. */
export interface StoredTransaction {
  id: string;
  kind: TransactionKind;
  status: TransactionStatus;
  errorCode: string | null;
  fingerprint: string | null;
  amount: Money;
  balanceAfter: Money | null;
  refundedAt: Date | null;
  roundId: string | null;
  operatorId: string;
  playerId: string;
  currency: string;
  accountId: string;
  walletMode: 'internal' | 'seamless';
  sessionId: string | null;
  gameId: string | null;
  providerRoundId: string | null;
  externalId: string;
}

interface StoredRow {
  id: string;
  kind: TransactionKind;
  status: TransactionStatus;
  error_code: string | null;
  fingerprint: string | null;
  amount: string;
  balance_after: string | null;
  refunded_at: Date | null;
  round_id: string | null;
  operator_id: string;
  player_id: string;
  currency: string;
  account_id: string;
  wallet_mode: 'internal' | 'seamless';
  session_id: string | null;
  game_id: string | null;
  provider_round_id: string | null;
  external_id: string;
}

const STORED_COLUMNS = `id, kind, status, error_code, fingerprint, amount, balance_after, refunded_at, round_id,
  operator_id, player_id, currency, account_id, wallet_mode, session_id, game_id, provider_round_id, external_id`;

function toStored(r: StoredRow): StoredTransaction {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    errorCode: r.error_code,
    fingerprint: r.fingerprint,
    amount: Money.fromDb(r.amount),
    balanceAfter: r.balance_after === null ? null : Money.fromDb(r.balance_after),
    refundedAt: r.refunded_at,
    roundId: r.round_id,
    operatorId: r.operator_id,
    playerId: r.player_id,
    currency: r.currency,
    accountId: r.account_id,
    walletMode: r.wallet_mode,
    sessionId: r.session_id,
    gameId: r.game_id,
    providerRoundId: r.provider_round_id,
    externalId: r.external_id,
  };
}

export type IdempotencyScope = 'tx' | 'refund' | 'op';

/** `<source>|<scope>[|<protocol scope>]|<external id>` — the one key a provider transaction is stored under. */
export function idempotencyKey(
  source: string,
  scope: IdempotencyScope,
  externalId: string,
  extra?: string,
): string {
  return extra ? `${source}|${scope}|${extra}|${externalId}` : `${source}|${scope}|${externalId}`;
}

/** What makes a request the same request: a repeat with another fingerprint is a conflict. */
export function fingerprint(
  kind: TransactionKind,
  party: WalletParty,
  amount: Money | null,
  subtype?: string | null,
): string {
  // crypto.hash: the one-shot digest, without a Hash object per call (two per round on the hot path).
  return hash(
    'sha256',
    [kind, party.operatorId, party.playerId, party.currency, amount ? amount.toDb() : '', subtype ?? ''].join(
      '|',
    ),
  );
}

/**
 * A new id for a ledger row (transaction, outbox message): a UUIDv7, ordered by creation time, so the
 * primary-key index (and the postings' transaction index) grows at its right edge instead of taking each
 * insert at a random leaf — on a table far larger than memory, a random key reads and dirties a cold index
 * page per insert.
 */
export function newLedgerId(): string {
  return uuidv7();
}

export interface MovementRow {
  key: string;
  kind: TransactionKind;
  party: WalletParty;
  accountId: string;
  counterAccountId: string;
  amount: Money;
  ctx: Omit<MovementContext, 'idempotencyScope' | 'providerId'> & { providerId: string | null };
  fingerprint: string;
  /** Which round totals this movement adds to, if any. */
  round: 'bet' | 'win' | null;
  /** Debits are guarded (never below zero); credits are not. */
  direction: 'debit' | 'credit';
  status?: TransactionStatus;
  /** Our transaction id, when the caller needs it before the row exists (an outbox payload). */
  id?: string;
}

export interface MovementResult {
  /** False when the key already existed (a repeat, conflict, or pre-empted bet): nothing moved. */
  inserted: boolean;
  id: string;
  status: TransactionStatus;
  balanceAfter: Money | null;
  roundId: string | null;
}

const UNIQUE_VIOLATION = '23505';

/** TypeORM answers an UPDATE/DELETE … RETURNING with `[rows, count]`, other statements with `rows`. */
export function returnedRows<T>(result: unknown): T[] {
  return Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
    ? (result[0] as T[])
    : (result as T[]);
}

/** Placeholders of a round upsert's values, in the statement that embeds it. */
interface RoundParams {
  providerId: string;
  providerRoundId: string;
  operatorId: string;
  playerId: string;
  gameId: string;
  sessionId: string;
  currency: string;
  amount: string;
}

const ROUND_PARAMS: RoundParams = {
  amount: '$2::numeric',
  currency: '$4',
  operatorId: '$5',
  playerId: '$6',
  providerId: '$8',
  providerRoundId: '$9',
  gameId: '$10',
  sessionId: '$11',
};

/**
 * Upserts a round: the first bet opens it, a win (0 too) closes it. `from` names a CTE that must yield a
 * row for the upsert to happen (the guarded balance update), or null for always.
 */
export function roundUpsertSql(kind: 'bet' | 'win', p: RoundParams, from: string | null): string {
  const bet = kind === 'bet';
  const onConflict = bet
    ? `bet_total = rounds.bet_total + EXCLUDED.bet_total, bet_count = rounds.bet_count + 1,
       status = 'open', closed_at = NULL, updated_at = now()`
    : `win_total = rounds.win_total + EXCLUDED.win_total, status = 'closed',
       closed_at = COALESCE(rounds.closed_at, now()), updated_at = now()`;
  return `INSERT INTO rounds (provider_id, provider_round_id, operator_id, player_id, game_id, session_id, currency,
            status, bet_total, win_total, bet_count, closed_at)
          SELECT ${p.providerId}, ${p.providerRoundId}, ${p.operatorId}, ${p.playerId}, ${p.gameId}, ${p.sessionId},
                 ${p.currency}, ${bet ? `'open'` : `'closed'`}, ${bet ? p.amount : '0'}, ${bet ? '0' : p.amount},
                 ${bet ? '1' : '0'}, ${bet ? 'NULL' : 'now()'}
          ${from ? `FROM ${from}` : ''}
          ON CONFLICT (provider_id, provider_round_id) DO UPDATE SET ${onConflict}
          RETURNING id`;
}

/** The movement's SQL per variant, built once: the hot path reuses the very same text (its prepared name). */
const MOVEMENT_SQL = new Map<string, string>();

function movementSql(direction: MovementRow['direction'], round: MovementRow['round']): string {
  const variant = `${direction}|${round ?? ''}`;
  const known = MOVEMENT_SQL.get(variant);
  if (known !== undefined) return known;
  const debit = direction === 'debit';
  const roundCte =
    round === null
      ? `r AS (SELECT NULL::uuid AS id)`
      : `r AS (${roundUpsertSql(round, ROUND_PARAMS, 'upd')})`;
  const sql = `
    WITH upd AS (
      UPDATE accounts SET balance = balance ${debit ? '-' : '+'} $2::numeric, updated_at = now()
      WHERE id = $3 ${debit ? 'AND balance >= $2::numeric' : ''}
      RETURNING balance
    ), ${roundCte}, t AS (
      INSERT INTO wallet_transactions (id, idempotency_key, provider_id, operator_id, player_id, account_id,
        external_id, kind, subtype, amount, currency, status, error_code, wallet_mode, session_id, game_id,
        round_id, provider_round_id, fingerprint, balance_after, meta)
      SELECT $1, $12, $8, $5, $6, $3, $13, $14, $15, $2::numeric, $4,
             CASE WHEN upd.balance IS NULL THEN 'refused' ELSE $18 END,
             CASE WHEN upd.balance IS NULL THEN 'INSUFFICIENT_FUNDS' END,
             $16, $11, $10, (SELECT id FROM r), $9, $17,
             -- A seamless account's balance only shadows our postings; the player's is the operator's.
             CASE WHEN $16::varchar = 'internal' THEN COALESCE(upd.balance, (SELECT balance FROM accounts WHERE id = $3)) END,
             $19::jsonb
      FROM (SELECT 1) AS one LEFT JOIN upd ON true
      RETURNING status, balance_after, round_id
    ), p AS (
      INSERT INTO postings (transaction_id, account_id, amount, currency)
      SELECT $1, leg.account_id, leg.amount, $4
      FROM upd, (VALUES ($3::uuid, ${debit ? '-' : ''}$2::numeric),
                        ($7::uuid, ${debit ? '' : '-'}$2::numeric)) AS leg(account_id, amount)
      WHERE $2::numeric <> 0
    )
    SELECT status, balance_after, round_id FROM t`;
  MOVEMENT_SQL.set(variant, sql);
  return sql;
}

/**
 * The one statement of a movement and its parameters (exported so the wallet benchmark drives the very
 * same SQL through `pg`, without Nest).
 */
export function movementStatement(m: MovementRow): { id: string; sql: string; params: unknown[] } {
  const id = m.id ?? newLedgerId();
  const amount = m.amount.toDb();
  const providerRoundId = m.ctx.providerRoundId ?? m.ctx.externalId;
  const sql = movementSql(m.direction, m.ctx.providerId === null ? null : m.round);
  const params = [
    id, // 1
    amount, // 2
    m.accountId, // 3
    m.party.currency, // 4
    m.party.operatorId, // 5
    m.party.playerId, // 6
    m.counterAccountId, // 7
    m.ctx.providerId, // 8
    providerRoundId, // 9
    m.ctx.gameId ?? null, // 10
    m.ctx.sessionId ?? null, // 11
    m.key, // 12
    m.ctx.externalId, // 13
    m.kind, // 14
    m.ctx.subtype ?? null, // 15
    m.party.walletMode, // 16
    m.fingerprint, // 17
    m.status ?? 'committed', // 18
    m.ctx.meta ? JSON.stringify(m.ctx.meta) : null, // 19
  ];
  return { id, sql, params };
}

/**
 * The ledger's SQL. A movement is ONE statement: the guarded balance update, the round upsert, the
 * transaction row and both postings, so it commits or fails whole with a single round trip. The unique
 * idempotency key makes a duplicate racing its original fail as a unit (its balance update is undone),
 * so the original is applied exactly once whatever the number of API processes.
 */
@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get dataSource(): DataSource {
    return this.db;
  }

  async findByKey(
    key: string,
    em: EntityManager = this.db.manager,
    lock = false,
  ): Promise<StoredTransaction | null> {
    const rows = await queryPrepared<StoredRow>(
      em,
      `SELECT ${STORED_COLUMNS} FROM wallet_transactions WHERE idempotency_key = $1${lock ? ' FOR UPDATE' : ''}`,
      [key],
    );
    return rows.length > 0 ? toStored(rows[0]) : null;
  }

  async accountBalance(accountId: string, em: EntityManager = this.db.manager): Promise<Money> {
    const rows = await queryPrepared<{ balance: string }>(em, `SELECT balance FROM accounts WHERE id = $1`, [
      accountId,
    ]);
    return rows.length > 0 ? Money.fromDb(rows[0].balance) : Money.zero();
  }

  /**
   * Claims a key for a movement whose outcome is not known yet (a seamless bet while the operator is
   * asked). Returns false when the key is taken.
   */
  async claimPending(m: MovementRow & { id: string }): Promise<boolean> {
    const rows = await queryPrepared(
      this.db,
      `INSERT INTO wallet_transactions (id, idempotency_key, provider_id, operator_id, player_id, account_id,
         external_id, kind, subtype, amount, currency, status, wallet_mode, session_id, game_id, provider_round_id,
         fingerprint, meta)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::numeric, $11, 'pending', $12, $13, $14, $15, $16, $17::jsonb)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        m.id,
        m.key,
        m.ctx.providerId,
        m.party.operatorId,
        m.party.playerId,
        m.accountId,
        m.ctx.externalId,
        m.kind,
        m.ctx.subtype ?? null,
        m.amount.toDb(),
        m.party.currency,
        m.party.walletMode,
        m.ctx.sessionId ?? null,
        m.ctx.gameId ?? null,
        m.ctx.providerRoundId ?? m.ctx.externalId,
        m.fingerprint,
        m.ctx.meta ? JSON.stringify(m.ctx.meta) : null,
      ],
    );
    return rows.length > 0;
  }

  /** A claimed seamless bet the operator applied: book it (shadow postings, round) and keep its balance. */
  async commitPendingBet(
    m: MovementRow & { id: string },
    operatorBalance: Money | null,
  ): Promise<string | null> {
    return this.db.transaction(async (em) => {
      const sql = `
        WITH a AS (
          UPDATE accounts SET balance = balance - $2::numeric, updated_at = now(),
            operator_balance = COALESCE($12::numeric, operator_balance),
            operator_balance_at = CASE WHEN $12::numeric IS NULL THEN operator_balance_at ELSE now() END
          WHERE id = $3 RETURNING 1
        ), r AS (${roundUpsertSql('bet', ROUND_PARAMS, null)}
        ), p AS (
          INSERT INTO postings (transaction_id, account_id, amount, currency)
          SELECT $1, leg.account_id, leg.amount, $4
          FROM (VALUES ($3::uuid, -$2::numeric), ($7::uuid, $2::numeric)) AS leg(account_id, amount)
          WHERE $2::numeric <> 0
        )
        UPDATE wallet_transactions SET status = 'committed', round_id = (SELECT id FROM r),
          balance_after = $12::numeric, updated_at = now()
        WHERE id = $1 AND status = 'pending'
        RETURNING round_id`;
      const result: unknown = await em.query(sql, [
        m.id,
        m.amount.toDb(),
        m.accountId,
        m.party.currency,
        m.party.operatorId,
        m.party.playerId,
        m.counterAccountId,
        m.ctx.providerId,
        m.ctx.providerRoundId ?? m.ctx.externalId,
        m.ctx.gameId ?? null,
        m.ctx.sessionId ?? null,
        operatorBalance ? operatorBalance.toDb() : null,
      ]);
      const returned = returnedRows<{ round_id: string }>(result);
      if (returned.length === 0) throw new Error(`Seamless bet ${m.id} is no longer pending`);
      return returned[0].round_id;
    });
  }

  /** A claimed seamless bet that did not go through: refused (known) or failed (unknown). */
  async closePending(
    id: string,
    status: 'refused' | 'failed',
    errorCode: string,
    balance: Money | null,
    em: EntityManager = this.db.manager,
  ): Promise<void> {
    await em.query(
      `UPDATE wallet_transactions SET status = $2, error_code = $3, balance_after = $4::numeric, updated_at = now()
       WHERE id = $1 AND status = 'pending'`,
      [id, status, errorCode, balance ? balance.toDb() : null],
    );
  }

  async operatorBalance(accountId: string, em: EntityManager = this.db.manager): Promise<Money | null> {
    const rows: { operator_balance: string | null }[] = await em.query(
      `SELECT operator_balance FROM accounts WHERE id = $1`,
      [accountId],
    );
    return rows[0]?.operator_balance ? Money.fromDb(rows[0].operator_balance) : null;
  }

  async setOperatorBalance(accountId: string, balance: Money): Promise<void> {
    await this.db.query(
      `UPDATE accounts SET operator_balance = $2::numeric, operator_balance_at = now() WHERE id = $1`,
      [accountId, balance.toDb()],
    );
  }

  async insertPostings(
    em: EntityManager,
    transactionId: string,
    currency: string,
    legs: [string, Money][],
  ): Promise<void> {
    const values = legs.map((_, i) => `($1, $${i * 2 + 3}::uuid, $${i * 2 + 4}::numeric, $2)`).join(', ');
    await em.query(`INSERT INTO postings (transaction_id, account_id, amount, currency) VALUES ${values}`, [
      transactionId,
      currency,
      ...legs.flatMap(([account, amount]) => [account, amount.toDb()]),
    ]);
  }

  /**
   * Applies a movement of the player's internal balance (or, with `shadow`, records it without a guard —
   * the seamless mirror). Returns `inserted: false` when the key is already taken.
   */
  async applyMovement(m: MovementRow, em: EntityManager = this.db.manager): Promise<MovementResult> {
    const { id, sql, params } = movementStatement(m);
    try {
      const rows = await queryPrepared<{
        status: TransactionStatus;
        balance_after: string | null;
        round_id: string | null;
      }>(em, sql, params);
      const row = rows[0];
      return {
        inserted: true,
        id,
        status: row.status,
        balanceAfter: row.balance_after === null ? null : Money.fromDb(row.balance_after),
        roundId: row.round_id,
      };
    } catch (e) {
      if ((e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
      return { inserted: false, id: '', status: 'committed', balanceAfter: null, roundId: null };
    }
  }
}
