import { Module } from '@nestjs/common';
import { DeliveryProcessor, SweepScheduler } from './outbox/delivery.processor';
import { WalletModule } from './wallet.module';

/** The wallet's background work: outbox delivery and the sweeper. Imported by apps/worker. */
@Module({
  imports: [WalletModule],
  providers: [DeliveryProcessor, SweepScheduler],
})
export class WalletWorkerModule {}
