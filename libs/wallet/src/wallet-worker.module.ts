import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DeliveryProcessor, SweepScheduler } from './outbox/delivery.processor';
import { QueueName } from './outbox/delivery.queue';
import { WalletModule } from './wallet.module';

/** The wallet's background work: outbox delivery and the sweeper. Imported by apps/worker. */
@Module({
  imports: [WalletModule, BullModule.registerQueue({ name: QueueName.WalletDelivery })],
  providers: [DeliveryProcessor, SweepScheduler],
})
export class WalletWorkerModule {}
