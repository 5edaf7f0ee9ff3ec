import { Module } from '@nestjs/common';
import { CatalogueModule } from '@app/catalogue';
import { SessionsModule } from '@app/sessions';
import { WalletModule } from '@app/wallet';
import { CallbackLog } from './callback-log';
import { CallbackProviders } from './callback-provider';
import { ProtocolMetrics } from './protocol-metrics';
import { UnsignedProvidersWarning } from './unsigned-providers.warning';

/** What every protocol folder uses: provider resolution, sessions, the wallet commands, metrics and the callback log. */
@Module({
  imports: [CatalogueModule, SessionsModule, WalletModule],
  providers: [CallbackProviders, ProtocolMetrics, CallbackLog, UnsignedProvidersWarning],
  exports: [CatalogueModule, SessionsModule, WalletModule, CallbackProviders, ProtocolMetrics, CallbackLog],
})
export class ProtocolsCommonModule {}
