import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type RoundStatus = 'open' | 'closed';

/** A provider's round (round / turn / game_uuid): opened by its first bet, closed by its settling win or full refund. */
@Entity('rounds')
@Index('UQ_rounds_provider_round', ['providerId', 'providerRoundId'], { unique: true })
@Index('IDX_rounds_player', ['operatorId', 'playerId', 'createdAt'])
@Index('IDX_rounds_created', ['createdAt'])
export class Round {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  providerId!: string;

  @Column({ type: 'text' })
  providerRoundId!: string;

  @Column({ type: 'uuid' })
  operatorId!: string;

  @Column({ type: 'text' })
  playerId!: string;

  @Column({ type: 'uuid', nullable: true })
  gameId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 8 })
  status!: RoundStatus;

  @Column({ type: 'numeric', precision: 30, scale: 8, default: 0 })
  betTotal!: string;

  @Column({ type: 'numeric', precision: 30, scale: 8, default: 0 })
  winTotal!: string;

  @Column({ type: 'numeric', precision: 30, scale: 8, default: 0 })
  refundTotal!: string;

  @Column({ type: 'int', default: 0 })
  betCount!: number;

  @Column({ type: 'int', default: 0 })
  refundedCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
