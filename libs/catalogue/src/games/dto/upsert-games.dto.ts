import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { GameImages } from '../game.entity';
import { GAME_TYPES, type GameType } from '../game-type';
import { MAX_GAMES_PER_UPSERT } from '../game-view';
import { IsImageMap } from './is-image-map.validator';

export class GameInputDto {
  @ApiProperty({
    description:
      "The provider's game id (slotegrator game_id, b2b game_name, apps application key, wallet-v2 gameID)",
    example: 'BookOfRaClassic',
    maxLength: 128,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  externalId!: string;

  @ApiProperty({ example: 'Book of Ra Classic', maxLength: 255 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiProperty({ enum: GAME_TYPES, example: 'slot' })
  @IsIn(GAME_TYPES, { message: `type must be one of: ${GAME_TYPES.join(', ')}` })
  type!: GameType;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', format: 'uri' },
    description: 'Image URLs by role; `icon` is the lobby tile',
    example: { icon: 'https://cdn.example.com/games/book-of-ra.png' },
  })
  @IsOptional()
  @IsImageMap()
  images?: GameImages;

  @ApiPropertyOptional({ example: 9, minimum: 1, maximum: 100000, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  lines?: number | null;

  @ApiPropertyOptional({ default: false, example: true })
  @IsOptional()
  @IsBoolean()
  hasDemo?: boolean;

  @ApiPropertyOptional({ default: false, example: false })
  @IsOptional()
  @IsBoolean()
  hasFreespins?: boolean;

  @ApiPropertyOptional({ default: true, example: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "Provider-specific data in the provider's own terms",
    example: { game_code: 702 },
  })
  @IsOptional()
  @IsObject()
  meta?: Record<string, unknown>;
}

export class UpsertGamesDto {
  @ApiProperty({
    type: [GameInputDto],
    description:
      `1 to ${MAX_GAMES_PER_UPSERT} games, each externalId once. A game is matched by externalId; its fields are ` +
      'replaced by those given (omitted optional fields take their defaults). Games not listed are left as they are.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GAMES_PER_UPSERT)
  @ValidateNested({ each: true })
  @Type(() => GameInputDto)
  games!: GameInputDto[];
}

export class UpsertGamesResultDto {
  @ApiProperty({ example: 2, description: 'Games that did not exist' })
  inserted!: number;

  @ApiProperty({ example: 1, description: 'Existing games whose data changed' })
  updated!: number;

  @ApiProperty({ example: 0, description: 'Existing games already exactly as given' })
  unchanged!: number;
}

export class SyncGamesResultDto extends UpsertGamesResultDto {
  @ApiProperty({
    example: 1,
    description: 'Enabled games that vanished from the feed and were disabled (never deleted)',
  })
  disabled!: number;

  @ApiProperty({ example: 3, description: 'Games the feed listed' })
  received!: number;

  @ApiProperty({ example: 0, description: 'Feed entries that could not be mapped (no usable id)' })
  skipped!: number;
}
