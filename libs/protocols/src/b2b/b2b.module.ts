import { Module } from '@nestjs/common';
import { ProtocolsCommonModule } from '../common/protocols-common.module';
import { B2bCallbackService } from './b2b-callback.service';
import { B2bController } from './b2b.controller';
import { B2bLaunchUrlBuilder } from './launch/b2b-launch-url.builder';

/** The `b2b` protocol: launch URL and provider callbacks. */
@Module({
  imports: [ProtocolsCommonModule],
  controllers: [B2bController],
  providers: [B2bLaunchUrlBuilder, B2bCallbackService],
})
export class B2bModule {}
