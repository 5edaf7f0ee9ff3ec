import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@app/common';
import type { OutboxStatus } from '../../entities/outbox-message.entity';

export const DELIVERY_STATUSES: readonly OutboxStatus[] = ['pending', 'delivered'];

export class ListDeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: DELIVERY_STATUSES,
    description: 'pending: not acknowledged by the operator yet',
  })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: OutboxStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  operatorId?: string;
}
