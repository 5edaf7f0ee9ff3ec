import type { WalletMode } from '@app/operators';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SESSION_MODES = ['real', 'demo'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** Stored status. `expired` is also derived on read from `lastSeenAt` and the idle TTL. */
export const SESSION_STATUSES = ['active', 'closed', 'expired'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_CLOSE_REASONS = ['superseded', 'admin', 'expired'] as const;
export type SessionCloseReason = (typeof SESSION_CLOSE_REASONS)[number];

/**
 * One launch of one game for one player. `token` is the unguessable secret every provider callback
 * carries (wallet-v2 `code`, apps `session`, slotegrator `session_id`); b2b gets a one-time `authToken`
 * in the launch URL and exchanges it for `gameToken` at `do-auth-user-ingame`.
 */
@Entity('game_sessions')
@Index('UQ_game_sessions_token', ['token'], { unique: true })
@Index('UQ_game_sessions_auth_token', ['authToken'], { unique: true, where: '"auth_token" IS NOT NULL' })
@Index('UQ_game_sessions_game_token', ['gameToken'], { unique: true, where: '"game_token" IS NOT NULL' })
/** One active session per player and provider (demo sessions have no player). */
@Index('UQ_game_sessions_player_provider_active', ['playerId', 'providerId'], {
  unique: true,
  where: `"status" = 'active'`,
})
@Index('IDX_game_sessions_operator_created', ['operatorId', 'createdAt'])
@Index('IDX_game_sessions_created', ['createdAt'])
export class GameSession {
  /** The public `sessionId` given to the operator. */
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  token!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  authToken!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  authTokenUsedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  gameToken!: string | null;

  @Column({ type: 'uuid' })
  operatorId!: string;

  /** Our player id; null for a demo session (demo has no player). */
  @Column({ type: 'uuid', nullable: true })
  playerId!: string | null;

  /** The operator's user id (denormalized: every callback needs it for the wallet). */
  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  /** The operator's wallet mode when the session was made. */
  @Column({ type: 'varchar', length: 8 })
  walletMode!: WalletMode;

  @Column({ type: 'uuid' })
  providerId!: string;

  @Column({ type: 'uuid' })
  gameId!: string;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 16 })
  language!: string;

  @Column({ type: 'enum', enum: SESSION_MODES, enumName: 'game_session_mode' })
  mode!: SessionMode;

  @Column({ type: 'enum', enum: SESSION_STATUSES, enumName: 'game_session_status', default: 'active' })
  status!: SessionStatus;

  @Column({
    type: 'enum',
    enum: SESSION_CLOSE_REASONS,
    enumName: 'game_session_close_reason',
    nullable: true,
  })
  closeReason!: SessionCloseReason | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  returnUrl!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Last launch or callback; the idle expiry counts from here. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
