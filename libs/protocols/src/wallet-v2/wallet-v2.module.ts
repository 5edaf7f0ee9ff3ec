import { Module } from '@nestjs/common';
import { ProtocolsCommonModule } from '../common/protocols-common.module';

/** The `wallet-v2` protocol: launch URL and provider callbacks. */
@Module({
  imports: [ProtocolsCommonModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class WalletV2Module {}
