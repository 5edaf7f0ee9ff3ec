import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, ValidateIf } from 'class-validator';
import { WALLET_MODES, type WalletMode } from '../../operator.entity';
import {
  CurrenciesRules,
  NAME_MAX_LENGTH,
  NameRules,
  WALLET_URL_MAX_LENGTH,
  WalletModeRules,
  WalletUrlRules,
} from './operator-field-rules';

/** Every field optional; absent fields keep their value. */
export class UpdateOperatorDto {
  @ApiPropertyOptional({ example: 'Lucky Casino EU', maxLength: NAME_MAX_LENGTH })
  @IsOptional()
  @NameRules()
  name?: string;

  @ApiPropertyOptional({ enum: WALLET_MODES, example: 'internal' })
  @IsOptional()
  @WalletModeRules()
  walletMode?: WalletMode;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://lucky-casino.example/aggregator/wallet-v2',
    maxLength: WALLET_URL_MAX_LENGTH,
    description: 'null clears it (only allowed for walletMode "internal")',
  })
  @ValidateIf((o: UpdateOperatorDto) => o.walletUrl !== undefined && o.walletUrl !== null)
  @WalletUrlRules()
  walletUrl?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['EUR', 'USD', 'GBP'] })
  @IsOptional()
  @CurrenciesRules()
  currencies?: string[];

  @ApiPropertyOptional({
    example: false,
    description: 'A disabled operator is refused by the operator API (403)',
  })
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}
