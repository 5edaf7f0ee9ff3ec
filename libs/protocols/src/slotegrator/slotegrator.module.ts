import { Module } from '@nestjs/common';
import { ProtocolsCommonModule } from '../common/protocols-common.module';
import { SlotegratorLaunchUrlBuilder } from './launch/slotegrator-launch-url.builder';

/** The `slotegrator` protocol: launch URL and provider callbacks. */
@Module({
  imports: [ProtocolsCommonModule],
  controllers: [],
  providers: [SlotegratorLaunchUrlBuilder],
})
export class SlotegratorModule {}
