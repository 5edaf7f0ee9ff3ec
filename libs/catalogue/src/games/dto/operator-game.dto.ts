import { ApiProperty } from '@nestjs/swagger';
import type { GameImages } from '../game.entity';
import { GAME_TYPES, type GameType } from '../game-type';
import type { ListedGame } from '../games.service';

/** A game as operators see it: `id` is what POST /api/v1/sessions takes as `gameId`. */
export class OperatorGameDto {
  @ApiProperty({ format: 'uuid', example: '0f8e6a9c-4b8e-4a3e-9f3c-2f1d7c9e5b10' })
  id!: string;

  @ApiProperty({ example: 'Book of Ra Classic' })
  name!: string;

  @ApiProperty({ example: 'pragmatic-b2b', description: 'Provider code' })
  provider!: string;

  @ApiProperty({ enum: GAME_TYPES, example: 'slot' })
  type!: GameType;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Image URLs by role; `icon` is the lobby tile',
    example: { icon: 'https://int.apiforb2b.com/game/icons/BookOfRaClassic_300_221.jpg' },
  })
  images!: GameImages;

  @ApiProperty({ type: Number, nullable: true, example: 9 })
  lines!: number | null;

  @ApiProperty({ example: true })
  hasDemo!: boolean;

  @ApiProperty({ example: false })
  hasFreespins!: boolean;

  static from(g: ListedGame): OperatorGameDto {
    return {
      id: g.id,
      name: g.name,
      provider: g.providerCode,
      type: g.type,
      images: { ...g.images },
      lines: g.lines,
      hasDemo: g.hasDemo,
      hasFreespins: g.hasFreespins,
    };
  }
}

export class OperatorGamePageDto {
  @ApiProperty({ type: [OperatorGameDto] })
  items!: OperatorGameDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 50 })
  limit!: number;

  @ApiProperty({ example: 1250 })
  total!: number;
}
