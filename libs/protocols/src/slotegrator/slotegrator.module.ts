import { Module } from '@nestjs/common';
import { ProtocolsCommonModule } from '../common/protocols-common.module';
import { SlotegratorLaunchUrlBuilder } from './launch/slotegrator-launch-url.builder';
import { SlotegratorCallbackService } from './slotegrator-callback.service';
import { SlotegratorController } from './slotegrator.controller';

/** The `slotegrator` protocol: launch URL and provider callbacks. */
@Module({
  imports: [ProtocolsCommonModule],
  controllers: [SlotegratorController],
  providers: [SlotegratorLaunchUrlBuilder, SlotegratorCallbackService],
})
export class SlotegratorModule {}
