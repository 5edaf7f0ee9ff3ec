import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfigModule, AppLoggerModule, bullRootOptions, MetricsModule, RedisModule } from '@app/common';
import { DatabaseModule } from '@app/db';
import { WalletWorkerModule } from '@app/wallet';

@Module({
  imports: [
    AppConfigModule.forRoot(),
    AppLoggerModule,
    DatabaseModule.forRoot('aggregator-worker'),
    RedisModule,
    BullModule.forRootAsync({ inject: [ConfigService], useFactory: bullRootOptions }),
    MetricsModule,
    WalletWorkerModule,
  ],
})
export class WorkerModule {}
