import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { BullBoardModule } from '@bull-board/nestjs';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@app/common';
import { QueueName } from '../outbox/delivery.queue';
import { adminOnlyBoardAdapter } from './queue-dashboard-auth';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/** Bull Board at /admin/queues (admin token required): the delivery queue's jobs, retries and failures. */
@Module({
  imports: [
    BullModule.registerQueue({ name: QueueName.WalletDelivery }),
    BullBoardModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: adminOnlyBoardAdapter(config.get('ADMIN_TOKEN', { infer: true })),
      }),
    }),
    BullBoardModule.forFeature({ name: QueueName.WalletDelivery, adapter: BullMQAdapter }),
  ],
})
export class QueueDashboardModule {}
