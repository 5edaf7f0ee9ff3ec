import { Module } from '@nestjs/common';
import { ProtocolsCommonModule } from '../common/protocols-common.module';

/** The `slotegrator` protocol: launch URL and provider callbacks. */
@Module({
  imports: [ProtocolsCommonModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class SlotegratorModule {}
