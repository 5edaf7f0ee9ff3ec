import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { TransactionKind, TransactionStatus } from '../../entities';
import { PagedPeriodQueryDto } from './period-query.dto';

export const TRANSACTION_KINDS: readonly TransactionKind[] = [
  'bet',
  'win',
  'refund',
  'adjustment',
  'deposit',
  'withdraw',
];
export const TRANSACTION_STATUSES: readonly TransactionStatus[] = [
  'pending',
  'committed',
  'refused',
  'failed',
  'voided',
];

export class ListTransactionsQueryDto extends PagedPeriodQueryDto {
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

  @ApiPropertyOptional({ format: 'uuid', description: 'Our round id' })
  @IsOptional()
  @IsUUID()
  roundId?: string;

  @ApiPropertyOptional({ description: "The provider's round / turn / game_uuid", example: 'r-100045' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  providerRoundId?: string;

  @ApiPropertyOptional({ enum: TRANSACTION_KINDS })
  @IsOptional()
  @IsIn(TRANSACTION_KINDS)
  kind?: TransactionKind;

  @ApiPropertyOptional({ enum: TRANSACTION_STATUSES })
  @IsOptional()
  @IsIn(TRANSACTION_STATUSES)
  status?: TransactionStatus;
}
