import { Module } from '@nestjs/common';
import { ProtocolsCommonModule } from '../common/protocols-common.module';
import { WalletV2LaunchUrlBuilder } from './launch/wallet-v2-launch-url.builder';
import { WalletV2CallbackHandler } from './wallet-v2-callback.handler';
import { WalletV2Controller } from './wallet-v2.controller';

/** The `wallet-v2` protocol: launch URL and provider callbacks. */
@Module({
  imports: [ProtocolsCommonModule],
  controllers: [WalletV2Controller],
  providers: [WalletV2LaunchUrlBuilder, WalletV2CallbackHandler],
})
export class WalletV2Module {}
