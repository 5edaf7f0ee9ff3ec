import { ApiProperty } from '@nestjs/swagger';
import { WALLET_MODES, type WalletMode } from '@app/operators';
import {
  SESSION_CLOSE_REASONS,
  SESSION_MODES,
  SESSION_STATUSES,
  type SessionCloseReason,
  type SessionMode,
  type SessionStatus,
} from '../../entities/game-session.entity';
import type { SessionView } from '../../sessions/session-view';

export class SessionResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) operatorId!: string;
  @ApiProperty({ example: 'player-42', description: "The operator's user id" }) userId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Our player id; null for demo' })
  playerId!: string | null;
  @ApiProperty({ enum: WALLET_MODES }) walletMode!: WalletMode;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty({ format: 'uuid' }) gameId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 'en' }) language!: string;
  @ApiProperty({ enum: SESSION_MODES }) mode!: SessionMode;
  @ApiProperty({ enum: SESSION_STATUSES, description: 'An active session idle too long reads `expired`' })
  status!: SessionStatus;
  @ApiProperty({ enum: SESSION_CLOSE_REASONS, nullable: true, type: String })
  closeReason!: SessionCloseReason | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() lastSeenAt!: string;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;

  static from(v: SessionView): SessionResponseDto {
    return {
      id: v.id,
      operatorId: v.operatorId,
      userId: v.userId,
      playerId: v.playerId,
      walletMode: v.walletMode,
      providerId: v.providerId,
      gameId: v.gameId,
      currency: v.currency,
      language: v.language,
      mode: v.mode,
      status: v.status,
      closeReason: v.closeReason,
      createdAt: v.createdAt.toISOString(),
      lastSeenAt: v.lastSeenAt.toISOString(),
      closedAt: v.closedAt ? v.closedAt.toISOString() : null,
    };
  }
}

export class SessionPageResponseDto {
  @ApiProperty({ type: [SessionResponseDto] }) items!: SessionResponseDto[];
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() total!: number;
}
