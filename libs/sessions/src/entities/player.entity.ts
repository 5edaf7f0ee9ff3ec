import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A player of an operator, known to us by the operator's own user id. Created on the first real launch
 * (from the operator's `player-details` for a seamless operator, from the launch request for an internal
 * one) and refreshed on later launches.
 */
@Entity('players')
@Index('UQ_players_operator_user', ['operatorId', 'userId'], { unique: true })
@Index('IDX_players_operator_created', ['operatorId', 'createdAt'])
@Index('IDX_players_created', ['createdAt'])
export class Player {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  operatorId!: string;

  /** The operator's user id: the wallet's `playerId` and the `userId` of every operator call. */
  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  nickname!: string | null;

  /** ISO 4217 currency the operator reports as the player's own. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  currency!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  country!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  language!: string | null;

  @Column({ type: 'boolean', default: false })
  blocked!: boolean;

  /** Whatever else `player-details` returned. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
