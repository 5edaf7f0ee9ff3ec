import { ApiProperty } from '@nestjs/swagger';
import type { GameImages } from '../game.entity';
import { GAME_TYPES, type GameType } from '../game-type';
import type { AdminGame } from '../games.service';

export class AdminGameDto {
  @ApiProperty({ format: 'uuid', example: '0f8e6a9c-4b8e-4a3e-9f3c-2f1d7c9e5b10' })
  id!: string;

  @ApiProperty({ example: 'BookOfRaClassic' })
  externalId!: string;

  @ApiProperty({ example: 'Book of Ra Classic' })
  name!: string;

  @ApiProperty({ enum: GAME_TYPES, example: 'slot' })
  type!: GameType;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { icon: 'https://int.apiforb2b.com/game/icons/BookOfRaClassic_300_221.jpg' },
  })
  images!: GameImages;

  @ApiProperty({ type: Number, nullable: true, example: 9 })
  lines!: number | null;

  @ApiProperty({ example: false })
  hasDemo!: boolean;

  @ApiProperty({ example: false })
  hasFreespins!: boolean;

  @ApiProperty({ example: true })
  enabled!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'When a sync disabled the game because it vanished from the feed',
  })
  delistedAt!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { game_code: 702, groups: ['Novomatic Deluxe'] },
  })
  meta!: Record<string, unknown>;

  @ApiProperty({ example: '2025-11-21T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2025-11-21T10:00:00.000Z' })
  updatedAt!: string;

  static from(g: AdminGame): AdminGameDto {
    return {
      id: g.id,
      externalId: g.externalId,
      name: g.name,
      type: g.type,
      images: { ...g.images },
      lines: g.lines,
      hasDemo: g.hasDemo,
      hasFreespins: g.hasFreespins,
      enabled: g.enabled,
      delistedAt: g.delistedAt ? g.delistedAt.toISOString() : null,
      meta: { ...g.meta },
      createdAt: g.createdAt.toISOString(),
      updatedAt: g.updatedAt.toISOString(),
    };
  }
}

export class AdminGamePageDto {
  @ApiProperty({ type: [AdminGameDto] })
  items!: AdminGameDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 50 })
  limit!: number;

  @ApiProperty({ example: 120 })
  total!: number;
}
