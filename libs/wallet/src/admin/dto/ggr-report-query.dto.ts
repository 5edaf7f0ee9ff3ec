import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { IsInstant } from './period-query.dto';

export class GgrReportQueryDto {
  @ApiProperty({
    description: 'Created at or after (inclusive); a date alone is UTC midnight',
    example: '2024-05-01',
  })
  @IsInstant()
  from!: string;

  @ApiProperty({
    description: 'Created before (exclusive); a date alone is UTC midnight',
    example: '2024-05-08',
  })
  @IsInstant()
  to!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  operatorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter upper-case code' })
  currency?: string;
}
