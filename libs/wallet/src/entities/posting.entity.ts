import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One leg of a double entry: the postings of a transaction sum to zero per currency. */
@Entity('postings')
@Index('IDX_postings_transaction', ['transactionId'])
@Index('IDX_postings_account', ['accountId'])
export class Posting {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  transactionId!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @Column({ type: 'numeric', precision: 30, scale: 8 })
  amount!: string;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
