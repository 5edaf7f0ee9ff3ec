import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfigModule, AppLoggerModule, MetricsModule, RedisModule, bullRootOptions } from '@app/common';
import { WalletAdminModule, WalletModule } from '@app/wallet';
import { DatabaseModule } from '@app/db';
import { CatalogueModule } from '@app/catalogue';
import { OperatorsModule } from '@app/operators';
import { ProtocolsModule } from '@app/protocols';
import { SessionsModule } from '@app/sessions';
import { HealthModule } from './health/health.module';

@Module({
  imports: [
    AppConfigModule.forRoot(),
    AppLoggerModule,
    DatabaseModule.forRoot('aggregator-api'),
    RedisModule,
    BullModule.forRootAsync({ inject: [ConfigService], useFactory: bullRootOptions }),
    MetricsModule,
    HealthModule,
    OperatorsModule,
    CatalogueModule,
    WalletModule,
    WalletAdminModule,
    SessionsModule,
    ProtocolsModule,
  ],
})
export class AppModule {}
