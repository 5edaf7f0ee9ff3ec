import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class BalanceQueryDto {
  @ApiProperty({ example: 'USD', description: 'ISO 4217 code, one of the operator currencies' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter uppercase ISO 4217 code' })
  currency!: string;
}

export class TransferDto {
  @ApiProperty({
    example: '25.50',
    description: 'Decimal string, > 0, at most 8 decimals (never a JSON number)',
  })
  @IsString({ message: 'amount must be a decimal string such as "25.50"' })
  @Matches(/^(0|[1-9]\d{0,14})(\.\d{1,8})?$/, {
    message: 'amount must be a positive decimal string with at most 15 integer digits and 8 decimals',
  })
  amount!: string;

  @ApiProperty({ example: 'USD' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter uppercase ISO 4217 code' })
  currency!: string;

  @ApiProperty({
    example: 'dep-000123',
    description: 'Your unique id of this transfer; a repeat is answered, not applied again',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  transactionId!: string;
}

export class PlayerBalanceDto {
  @ApiProperty({ example: 'player-42' }) userId!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '125.5', description: 'Decimal string' }) balance!: string;
}

export class TransferResultDto extends PlayerBalanceDto {
  @ApiProperty({ example: 'dep-000123' }) transactionId!: string;
  @ApiProperty({ description: 'True when this answers a repeat of an earlier transfer: nothing moved now' })
  repeated!: boolean;
}
