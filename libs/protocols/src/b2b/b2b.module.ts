import { Module } from '@nestjs/common';
import { ProtocolsCommonModule } from '../common/protocols-common.module';
import { B2bLaunchUrlBuilder } from './launch/b2b-launch-url.builder';

/** The `b2b` protocol: launch URL and provider callbacks. */
@Module({
  imports: [ProtocolsCommonModule],
  controllers: [],
  providers: [B2bLaunchUrlBuilder],
})
export class B2bModule {}
