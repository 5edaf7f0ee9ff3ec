import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'delivered';

/**
 * A money movement owed to a seamless operator (win, refund, compensating refund), written in the same
 * DB transaction as the ledger entry and delivered until the operator acknowledges it.
 */
@Entity('outbox')
@Index('IDX_outbox_status', ['status', 'createdAt'])
@Index('IDX_outbox_transaction', ['transactionId'])
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  transactionId!: string;

  @Column({ type: 'uuid' })
  operatorId!: string;

  /** The exact move-funds request body owed to the operator (its transactionId is our dedup key there). */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16 })
  status!: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
