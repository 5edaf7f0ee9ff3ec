import { ApiProperty } from '@nestjs/swagger';
import type { OutboxMessage } from '../../entities';
import type { OutboxStatus } from '../../entities/outbox-message.entity';
import { DELIVERY_STATUSES } from './list-deliveries-query.dto';

export class DeliveryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'Our ledger transaction (win or refund) being delivered' })
  transactionId!: string;

  @ApiProperty({ format: 'uuid' })
  operatorId!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'pending' })
  status!: OutboxStatus;

  @ApiProperty({ example: 7, description: 'Delivery attempts so far' })
  attempts!: number;

  @ApiProperty({ nullable: true, type: String, example: 'operator answered HTTP 503' })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2024-05-01T12:03:00.000Z' })
  lastAttemptAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  deliveredAt!: string | null;

  @ApiProperty({
    description: 'The move-funds request owed to the operator, exactly as it is sent',
    type: 'object',
    additionalProperties: true,
    example: {
      action: 'move-funds',
      transactionId: '0b5b6f0e-3c2d-4a59-9a3e-6f3c0f1e2d11',
      type: 'win',
      amount: '25.5',
      currency: 'EUR',
      userId: 'player-42',
      sessionId: '5f0a3b9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      gameId: '7d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f5a',
      roundId: '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a',
    },
  })
  payload!: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time', example: '2024-05-01T12:00:00.000Z' })
  createdAt!: string;

  static from(m: OutboxMessage): DeliveryResponseDto {
    return {
      id: m.id,
      transactionId: m.transactionId,
      operatorId: m.operatorId,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      lastAttemptAt: m.lastAttemptAt ? m.lastAttemptAt.toISOString() : null,
      deliveredAt: m.deliveredAt ? m.deliveredAt.toISOString() : null,
      payload: m.payload,
      createdAt: m.createdAt.toISOString(),
    };
  }
}

export class DeliveryPageResponseDto {
  @ApiProperty({ type: [DeliveryResponseDto] })
  items!: DeliveryResponseDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 50 })
  limit!: number;

  @ApiProperty({ example: 3 })
  total!: number;
}
