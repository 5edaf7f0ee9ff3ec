import { Module } from '@nestjs/common';
import { ProtocolsCommonModule } from '../common/protocols-common.module';
import { AppsBillingService } from './apps-billing.service';
import { AppsController } from './apps.controller';
import { AppsLaunchUrlBuilder } from './launch/apps-launch-url.builder';

/** The `apps` protocol: launch URL and provider callbacks. */
@Module({
  imports: [ProtocolsCommonModule],
  controllers: [AppsController],
  providers: [AppsBillingService, AppsLaunchUrlBuilder],
})
export class AppsModule {}
