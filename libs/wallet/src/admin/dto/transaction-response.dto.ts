import { ApiProperty } from '@nestjs/swagger';
import { Money } from '@app/common';
import type { LedgerTransaction, TransactionKind, TransactionStatus } from '../../entities';
import { TRANSACTION_KINDS, TRANSACTION_STATUSES } from './list-transactions-query.dto';

export class TransactionResponseDto {
  @ApiProperty({ format: 'uuid', example: '0b5b6f0e-3c2d-4a59-9a3e-6f3c0f1e2d11' })
  id!: string;

  @ApiProperty({
    description: "The provider's (or operator's, for a transfer) transaction id",
    example: 'tx-889123',
  })
  externalId!: string;

  @ApiProperty({ enum: TRANSACTION_KINDS, example: 'bet' })
  kind!: TransactionKind;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Protocol detail: freespin, tip, jackpot…',
    example: null,
  })
  subtype!: string | null;

  @ApiProperty({ enum: TRANSACTION_STATUSES, example: 'committed' })
  status!: TransactionStatus;

  @ApiProperty({ nullable: true, type: String, example: null })
  errorCode!: string | null;

  @ApiProperty({ description: 'Exact decimal string', example: '12.5' })
  amount!: string;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Player balance right after it',
    example: '87.5',
  })
  balanceAfter!: string | null;

  @ApiProperty({ format: 'uuid' })
  operatorId!: string;

  @ApiProperty({ example: 'player-42' })
  playerId!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  providerId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  sessionId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  gameId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  roundId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'r-100045' })
  providerRoundId!: string | null;

  @ApiProperty({ enum: ['internal', 'seamless'], example: 'internal' })
  walletMode!: 'internal' | 'seamless';

  @ApiProperty({ type: String, format: 'date-time', example: '2024-05-01T12:00:00.000Z' })
  createdAt!: string;

  static from(t: LedgerTransaction): TransactionResponseDto {
    return {
      id: t.id,
      externalId: t.externalId,
      kind: t.kind,
      subtype: t.subtype,
      status: t.status,
      errorCode: t.errorCode,
      amount: Money.fromDb(t.amount).toString(),
      currency: t.currency,
      balanceAfter: t.balanceAfter === null ? null : Money.fromDb(t.balanceAfter).toString(),
      operatorId: t.operatorId,
      playerId: t.playerId,
      providerId: t.providerId,
      sessionId: t.sessionId,
      gameId: t.gameId,
      roundId: t.roundId,
      providerRoundId: t.providerRoundId,
      walletMode: t.walletMode,
      createdAt: t.createdAt.toISOString(),
    };
  }
}

export class TransactionPageResponseDto {
  @ApiProperty({ type: [TransactionResponseDto] })
  items!: TransactionResponseDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 50 })
  limit!: number;

  @ApiProperty({ example: 1234 })
  total!: number;
}
