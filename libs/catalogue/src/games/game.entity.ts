import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Provider } from '../providers/provider.entity';
import type { GameType } from './game-type';

/** Image URLs by role: `icon` is the lobby tile; feeds may add sizes (`300x221`) or `preview`. */
export type GameImages = Record<string, string>;

/**
 * A game of a provider. `id` is the aggregator's own id used in the operator API; `externalId` is the
 * provider's id (slotegrator game_id, b2b game_name, apps application key, wallet-v2 gameID).
 */
@Entity('games')
@Unique('UQ_games_provider_external_id', ['providerId', 'externalId'])
@Index('IDX_games_listing', ['name', 'id'], { where: 'enabled' })
@Index('IDX_games_provider_listing', ['providerId', 'name', 'id'], { where: 'enabled' })
export class Game {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  providerId!: string;

  @ManyToOne(() => Provider, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: Provider;

  @Column({ type: 'varchar', length: 128 })
  externalId!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: GameType;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  images!: GameImages;

  @Column({ type: 'integer', nullable: true })
  lines!: number | null;

  @Column({ type: 'boolean', default: false })
  hasDemo!: boolean;

  @Column({ type: 'boolean', default: false })
  hasFreespins!: boolean;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** Set when a catalogue sync disabled the game because it vanished from the provider's feed. */
  @Column({ type: 'timestamptz', nullable: true })
  delistedAt!: Date | null;

  /** Provider-specific data in the provider's own terms (b2b `game_code`, apps `source`, …). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  meta!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
