import { Module } from '@nestjs/common';
import { AppsModule } from './apps/apps.module';
import { B2bModule } from './b2b/b2b.module';
import { SlotegratorModule } from './slotegrator/slotegrator.module';
import { WalletV2Module } from './wallet-v2/wallet-v2.module';

/** Every provider protocol, each behind its own folder. */
@Module({
  imports: [SlotegratorModule, B2bModule, AppsModule, WalletV2Module],
  exports: [SlotegratorModule, B2bModule, AppsModule, WalletV2Module],
})
export class ProtocolsModule {}
