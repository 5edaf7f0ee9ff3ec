import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DeliveryProcessor, SweepScheduler } from './outbox/delivery.processor';
import { QueueName } from './outbox/delivery.queue';
import { WalletModule } from './wallet.module';

/** The wallet's background work: outbox delivery and the sweeper. Imported by apps/worker. */
@Module({
  // The scheduler injects the queue itself: WalletModule's registration is not visible here.
  imports: [WalletModule, BullModule.registerQueue({ name: QueueName.WalletDelivery })],
  providers: [DeliveryProcessor, SweepScheduler],
})
export class WalletWorkerModule {}
