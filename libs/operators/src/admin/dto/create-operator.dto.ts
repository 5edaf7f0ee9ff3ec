import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, ValidateIf } from 'class-validator';
import { WALLET_MODES, type WalletMode } from '../../operator.entity';
import {
  CurrenciesRules,
  NAME_MAX_LENGTH,
  NameRules,
  WALLET_URL_MAX_LENGTH,
  WalletModeRules,
  WalletUrlRules,
} from './operator-field-rules';

export class CreateOperatorDto {
  @ApiProperty({
    example: 'Lucky Casino',
    maxLength: NAME_MAX_LENGTH,
    description: 'Unique; surrounding spaces are trimmed',
  })
  @NameRules()
  name!: string;

  @ApiProperty({ enum: WALLET_MODES, example: 'seamless' })
  @WalletModeRules()
  walletMode!: WalletMode;

  @ApiPropertyOptional({
    example: 'https://lucky-casino.example/aggregator/wallet',
    maxLength: WALLET_URL_MAX_LENGTH,
    description: 'Where we send signed wallet calls; required when walletMode is "seamless"',
  })
  @ValidateIf(
    (o: CreateOperatorDto) =>
      o.walletMode === 'seamless' || (o.walletUrl !== undefined && o.walletUrl !== null),
  )
  @IsNotEmpty({ message: 'walletUrl is required when walletMode is "seamless"' })
  @WalletUrlRules()
  walletUrl?: string | null;

  @ApiProperty({
    type: [String],
    example: ['EUR', 'USD'],
    description: 'ISO 4217 codes, uppercase; at least one',
  })
  @CurrenciesRules()
  currencies!: string[];
}
