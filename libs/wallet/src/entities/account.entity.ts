import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type AccountKind = 'player' | 'house' | 'operator' | 'bonus';

/**
 * A ledger account. `ownerKey` names the owner within its kind: `<operatorId>:<playerId>` for player and
 * bonus wallets, `<providerId>` for a provider's house account, `<operatorId>` for an operator's cash
 * account (the other side of deposits and withdrawals). `balance` is kept for player and bonus accounts;
 * house and operator accounts, written by every bet of a provider or every transfer of an operator, are
 * not materialised (their balance is the sum of their postings) so movements never queue on one hot row.
 */
@Entity('accounts')
@Index('UQ_accounts_owner', ['kind', 'ownerKey', 'currency'], { unique: true })
@Index('IDX_accounts_operator_player', ['operatorId', 'playerId'])
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: AccountKind;

  @Column({ type: 'text' })
  ownerKey!: string;

  @Column({ type: 'uuid', nullable: true })
  operatorId!: string | null;

  @Column({ type: 'text', nullable: true })
  playerId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'numeric', precision: 30, scale: 8, default: 0 })
  balance!: string;

  /** Seamless operators: the balance the operator last reported, served when it cannot be reached. */
  @Column({ type: 'numeric', precision: 30, scale: 8, nullable: true })
  operatorBalance!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  operatorBalanceAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
