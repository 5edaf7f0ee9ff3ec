import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { RoundStatus } from '../../entities/round.entity';
import { PagedPeriodQueryDto } from './period-query.dto';

export const ROUND_STATUSES: readonly RoundStatus[] = ['open', 'closed'];

export class ListRoundsQueryDto extends PagedPeriodQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  operatorId?: string;

  @ApiPropertyOptional({ description: "The operator's player id", example: 'player-42' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  playerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({ enum: ROUND_STATUSES })
  @IsOptional()
  @IsIn(ROUND_STATUSES)
  status?: RoundStatus;
}
