import { ApiProperty } from '@nestjs/swagger';

export class GgrRowResponseDto {
  @ApiProperty({ description: 'UTC day', example: '2024-05-01' })
  day!: string;

  @ApiProperty({ format: 'uuid' })
  operatorId!: string;

  @ApiProperty({ format: 'uuid' })
  providerId!: string;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null when the provider named no known game',
  })
  gameId!: string | null;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ description: 'Sum of committed bets', example: '1250.5' })
  bets!: string;

  @ApiProperty({ description: 'Sum of committed wins', example: '1100' })
  wins!: string;

  @ApiProperty({ description: 'Sum of committed refunds that moved money', example: '20' })
  refunds!: string;

  @ApiProperty({ description: 'bets − wins − refunds', example: '130.5' })
  ggr!: string;

  @ApiProperty({ example: 410 })
  betCount!: number;

  @ApiProperty({ example: 120 })
  winCount!: number;

  @ApiProperty({ example: 2 })
  refundCount!: number;
}

export class GgrTotalResponseDto {
  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ example: '1250.5' })
  bets!: string;

  @ApiProperty({ example: '1100' })
  wins!: string;

  @ApiProperty({ example: '20' })
  refunds!: string;

  @ApiProperty({ example: '130.5' })
  ggr!: string;

  @ApiProperty({ example: 410 })
  betCount!: number;

  @ApiProperty({ example: 120 })
  winCount!: number;

  @ApiProperty({ example: 2 })
  refundCount!: number;
}

export class GgrReportResponseDto {
  @ApiProperty({ type: String, format: 'date-time', example: '2024-05-01T00:00:00.000Z' })
  from!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2024-05-08T00:00:00.000Z' })
  to!: string;

  @ApiProperty({
    type: [GgrRowResponseDto],
    description: 'One row per UTC day × operator × provider × game × currency, by day',
  })
  rows!: GgrRowResponseDto[];

  @ApiProperty({
    type: [GgrTotalResponseDto],
    description: 'The rows summed per currency (amounts of different currencies never add up)',
  })
  totals!: GgrTotalResponseDto[];
}
