import { ApiProperty } from '@nestjs/swagger';
import type { PlayerView } from '../../players/players.repository';

export class PlayerResponseDto {
  @ApiProperty({ format: 'uuid', description: 'Our player id' }) id!: string;
  @ApiProperty({ format: 'uuid' }) operatorId!: string;
  @ApiProperty({ example: 'player-42', description: "The operator's user id" }) userId!: string;
  @ApiProperty({ nullable: true, type: String }) nickname!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'EUR', description: "The player's own currency" })
  currency!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'DE' }) country!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'de' }) language!: string | null;
  @ApiProperty({ description: 'A blocked player cannot launch games nor bet' }) blocked!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "Whatever else the operator's player-details returned",
  })
  details!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(v: PlayerView): PlayerResponseDto {
    return {
      id: v.id,
      operatorId: v.operatorId,
      userId: v.userId,
      nickname: v.nickname,
      currency: v.currency,
      country: v.country,
      language: v.language,
      blocked: v.blocked,
      details: v.details,
      createdAt: v.createdAt.toISOString(),
      updatedAt: v.updatedAt.toISOString(),
    };
  }
}

export class PlayerPageResponseDto {
  @ApiProperty({ type: [PlayerResponseDto] }) items!: PlayerResponseDto[];
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() total!: number;
}
