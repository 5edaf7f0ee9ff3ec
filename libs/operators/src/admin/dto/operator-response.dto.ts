import { ApiProperty } from '@nestjs/swagger';
import { WALLET_MODES, type WalletMode } from '../../operator.entity';
import type { OperatorView } from '../../operators.service';

const EXAMPLE_ID = '3f0c6a5e-8d5b-4a4e-9a55-0b9d1f0f2c11';

/** An operator as the admin API shows it: never its secrets. */
export class OperatorResponseDto {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID })
  id!: string;

  @ApiProperty({ example: 'Lucky Casino' })
  name!: string;

  @ApiProperty({ enum: WALLET_MODES, example: 'seamless' })
  walletMode!: WalletMode;

  @ApiProperty({ type: String, nullable: true, example: 'https://lucky-casino.example/aggregator/wallet' })
  walletUrl!: string | null;

  @ApiProperty({ type: [String], example: ['EUR', 'USD'] })
  currencies!: string[];

  @ApiProperty({ example: true })
  enabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time', example: '2025-11-21T12:00:00.000Z' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', example: '2025-11-21T12:00:00.000Z' })
  updatedAt!: Date;

  static from(view: OperatorView): OperatorResponseDto {
    return Object.assign(new OperatorResponseDto(), {
      id: view.id,
      name: view.name,
      walletMode: view.walletMode,
      walletUrl: view.walletUrl,
      currencies: view.currencies,
      enabled: view.enabled,
      createdAt: view.createdAt,
      updatedAt: view.updatedAt,
    });
  }
}

export class CreatedOperatorResponseDto extends OperatorResponseDto {
  @ApiProperty({
    example: '9b1f3c0e5a7d4e2b8c6f1a3d5e7b9c0d2f4a6b8c0e1d3f5a7b9c1e3d5f7a9b0c',
    description:
      'The HMAC-SHA256 secret (64 hex chars; the key is the string itself). Shown only in this response.',
  })
  secret!: string;

  static withSecret(view: OperatorView, secret: string): CreatedOperatorResponseDto {
    return Object.assign(new CreatedOperatorResponseDto(), OperatorResponseDto.from(view), { secret });
  }
}

export class OperatorPageResponseDto {
  @ApiProperty({ type: [OperatorResponseDto] })
  items!: OperatorResponseDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 50 })
  limit!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}

export class RotatedSecretResponseDto {
  @ApiProperty({
    example: '0d2f4a6b8c0e1d3f5a7b9c1e3d5f7a9b0c9b1f3c0e5a7d4e2b8c6f1a3d5e7b9c',
    description:
      'The new secret, shown only in this response. It signs our calls to the walletUrl from now on.',
  })
  secret!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2025-11-22T12:00:00.000Z',
    description:
      'Until then the replaced secret still verifies requests; a further rotation drops it earlier.',
  })
  previousSecretValidUntil!: Date;
}
