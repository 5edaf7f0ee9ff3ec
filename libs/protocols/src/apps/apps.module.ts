import { Module } from '@nestjs/common';
import { ProtocolsCommonModule } from '../common/protocols-common.module';
import { AppsLaunchUrlBuilder } from './launch/apps-launch-url.builder';

/** The `apps` protocol: launch URL and provider callbacks. */
@Module({
  imports: [ProtocolsCommonModule],
  controllers: [],
  providers: [AppsLaunchUrlBuilder],
})
export class AppsModule {}
