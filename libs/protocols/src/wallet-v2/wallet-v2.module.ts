import { Module } from '@nestjs/common';
import { ProtocolsCommonModule } from '../common/protocols-common.module';
import { WalletV2LaunchUrlBuilder } from './launch/wallet-v2-launch-url.builder';

/** The `wallet-v2` protocol: launch URL and provider callbacks. */
@Module({
  imports: [ProtocolsCommonModule],
  controllers: [],
  providers: [WalletV2LaunchUrlBuilder],
})
export class WalletV2Module {}
