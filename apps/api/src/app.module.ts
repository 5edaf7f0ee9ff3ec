import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AppConfigModule,
  AppLoggerModule,
  buildDataSourceOptions,
  type Env,
  MetricsModule,
  RedisModule,
  bullRootOptions,
} from '@app/common';
import { WalletAdminModule, WalletModule } from '@app/wallet';
import { ENTITIES } from '@app/db';
import { CatalogueModule } from '@app/catalogue';
import { OperatorsModule } from '@app/operators';
import { ProtocolsModule } from '@app/protocols';
import { SessionsModule } from '@app/sessions';
import { HealthModule } from './health/health.module';

@Module({
  imports: [
    AppConfigModule.forRoot(),
    AppLoggerModule,
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) =>
        buildDataSourceOptions({
          url: config.get('DATABASE_URL', { infer: true }),
          poolSize: config.get('DATABASE_POOL_SIZE', { infer: true }),
          entities: ENTITIES,
          applicationName: 'aggregator-api',
        }),
    }),
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
