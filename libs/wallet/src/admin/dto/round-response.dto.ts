import { ApiProperty } from '@nestjs/swagger';
import { Money } from '@app/common';
import type { Round } from '../../entities';
import type { RoundStatus } from '../../entities/round.entity';
import { ROUND_STATUSES } from './list-rounds-query.dto';

export class RoundResponseDto {
  @ApiProperty({ format: 'uuid', description: 'Our round id' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  providerId!: string;

  @ApiProperty({ example: 'r-100045' })
  providerRoundId!: string;

  @ApiProperty({ format: 'uuid' })
  operatorId!: string;

  @ApiProperty({ example: 'player-42' })
  playerId!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  gameId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  sessionId!: string | null;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ enum: ROUND_STATUSES, example: 'closed' })
  status!: RoundStatus;

  @ApiProperty({ example: '10', description: 'Committed bets, before refunds' })
  betTotal!: string;

  @ApiProperty({ example: '25.5' })
  winTotal!: string;

  @ApiProperty({ example: '0' })
  refundTotal!: string;

  @ApiProperty({ example: 2 })
  betCount!: number;

  @ApiProperty({ example: 0 })
  refundedCount!: number;

  @ApiProperty({ type: String, format: 'date-time', example: '2024-05-01T12:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2024-05-01T12:00:03.000Z' })
  closedAt!: string | null;

  static from(r: Round): RoundResponseDto {
    return {
      id: r.id,
      providerId: r.providerId,
      providerRoundId: r.providerRoundId,
      operatorId: r.operatorId,
      playerId: r.playerId,
      gameId: r.gameId,
      sessionId: r.sessionId,
      currency: r.currency,
      status: r.status,
      betTotal: Money.fromDb(r.betTotal).toString(),
      winTotal: Money.fromDb(r.winTotal).toString(),
      refundTotal: Money.fromDb(r.refundTotal).toString(),
      betCount: r.betCount,
      refundedCount: r.refundedCount,
      createdAt: r.createdAt.toISOString(),
      closedAt: r.closedAt ? r.closedAt.toISOString() : null,
    };
  }
}

export class RoundPageResponseDto {
  @ApiProperty({ type: [RoundResponseDto] })
  items!: RoundResponseDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 50 })
  limit!: number;

  @ApiProperty({ example: 87 })
  total!: number;
}
