import { Module } from '@nestjs/common';
import { ProtocolsCommonModule } from '../common/protocols-common.module';

/** The `b2b` protocol: launch URL and provider callbacks. */
@Module({
  imports: [ProtocolsCommonModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class B2bModule {}
