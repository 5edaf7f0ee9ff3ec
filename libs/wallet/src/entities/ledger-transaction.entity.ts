import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type TransactionKind = 'bet' | 'win' | 'refund' | 'adjustment' | 'deposit' | 'withdraw';

/**
 * pending   — claimed, outcome not known yet (a seamless bet while the operator is being called)
 * committed — money moved (or, for a refund of an unknown bet, recorded with no movement)
 * refused   — a known refusal (insufficient funds, operator said no); nothing moved
 * failed    — outcome unknown at the operator (timeout/error); a compensating refund is queued
 * voided    — a bet id pre-empted by a refund that arrived first: the late bet is refused
 */
export type TransactionStatus = 'pending' | 'committed' | 'refused' | 'failed' | 'voided';

@Entity('wallet_transactions')
@Index('UQ_wallet_transactions_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('IDX_wallet_transactions_player', ['operatorId', 'playerId', 'createdAt'])
@Index('IDX_wallet_transactions_provider', ['providerId', 'createdAt'])
@Index('IDX_wallet_transactions_round', ['roundId'])
@Index('IDX_wallet_transactions_status', ['status', 'createdAt'])
@Index('IDX_wallet_transactions_created', ['createdAt'])
export class LedgerTransaction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `<source>|<scope>|<external id>`: one row per provider (or operator) transaction, enforced by the DB. */
  @Column({ type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @Column({ type: 'uuid' })
  operatorId!: string;

  @Column({ type: 'text' })
  playerId!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @Column({ type: 'text' })
  externalId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: TransactionKind;

  /** Protocol detail of the kind: freespin, tip, jackpot… */
  @Column({ type: 'varchar', length: 32, nullable: true })
  subtype!: string | null;

  @Column({ type: 'numeric', precision: 30, scale: 8 })
  amount!: string;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: TransactionStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  @Column({ type: 'varchar', length: 16 })
  walletMode!: 'internal' | 'seamless';

  @Column({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  gameId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  roundId!: string | null;

  @Column({ type: 'text', nullable: true })
  providerRoundId!: string | null;

  /** For a refund: the external id of the bet it reverses. */
  @Column({ type: 'text', nullable: true })
  refExternalId!: string | null;

  /** For a bet: when a refund reversed it. */
  @Column({ type: 'timestamptz', nullable: true })
  refundedAt!: Date | null;

  /** Hash of what makes the request: a repeat must match it, or it is a conflict. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  fingerprint!: string | null;

  /** Player balance right after this transaction (the stored outcome a repeat answers with). */
  @Column({ type: 'numeric', precision: 30, scale: 8, nullable: true })
  balanceAfter!: string | null;

  /** Protocol extras kept with the transaction (apps `tag`, …). */
  @Column({ type: 'jsonb', nullable: true })
  meta!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
