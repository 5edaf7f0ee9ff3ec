import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AppConfigModule,
  AppLoggerModule,
  buildDataSourceOptions,
  bullRootOptions,
  type Env,
  MetricsModule,
  RedisModule,
} from '@app/common';
import { ENTITIES } from '@app/db';
import { WalletWorkerModule } from '@app/wallet';

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
          applicationName: 'aggregator-worker',
        }),
    }),
    RedisModule,
    BullModule.forRootAsync({ inject: [ConfigService], useFactory: bullRootOptions }),
    MetricsModule,
    WalletWorkerModule,
  ],
})
export class WorkerModule {}
