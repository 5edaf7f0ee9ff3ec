import { ApiProperty } from '@nestjs/swagger';
import { WALLET_MODES, type WalletMode } from '../../operator.entity';
import type { AuthenticatedOperator } from '../authenticated-operator';

export class OperatorMeResponseDto {
  @ApiProperty({ format: 'uuid', example: '3f0c6a5e-8d5b-4a4e-9a55-0b9d1f0f2c11' })
  id!: string;

  @ApiProperty({ example: 'Lucky Casino' })
  name!: string;

  @ApiProperty({ enum: WALLET_MODES, example: 'seamless' })
  walletMode!: WalletMode;

  @ApiProperty({ type: String, nullable: true, example: 'https://lucky-casino.example/aggregator/wallet' })
  walletUrl!: string | null;

  @ApiProperty({ type: [String], example: ['EUR', 'USD'] })
  currencies!: string[];

  static from(operator: AuthenticatedOperator): OperatorMeResponseDto {
    return Object.assign(new OperatorMeResponseDto(), {
      id: operator.id,
      name: operator.name,
      walletMode: operator.walletMode,
      walletUrl: operator.walletUrl,
      currencies: operator.currencies,
    });
  }
}
