import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@app/common';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { GAME_TYPES, type GameType } from '../game-type';

export class ListGamesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Provider code (see GET /api/v1/providers)', example: 'pragmatic-b2b' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  provider?: string;

  @ApiPropertyOptional({ enum: GAME_TYPES, example: 'slot' })
  @IsOptional()
  @IsIn(GAME_TYPES, { message: `type must be one of: ${GAME_TYPES.join(', ')}` })
  type?: GameType;

  @ApiPropertyOptional({ description: 'Case-insensitive part of the game name', example: 'book of' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  search?: string;
}
