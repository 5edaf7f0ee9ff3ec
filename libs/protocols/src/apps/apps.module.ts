import { Module } from '@nestjs/common';
import { ProtocolsCommonModule } from '../common/protocols-common.module';
import { AppsBillingService } from './apps-billing.service';
import { AppsController } from './apps.controller';
import { AppsLaunchPageController } from './launch/apps-launch-page.controller';
import { AppsLaunchUrlBuilder } from './launch/apps-launch-url.builder';

/** The `apps` protocol: launch URL and provider callbacks. */
@Module({
  imports: [ProtocolsCommonModule],
  controllers: [AppsController, AppsLaunchPageController],
  providers: [AppsBillingService, AppsLaunchUrlBuilder],
})
export class AppsModule {}
