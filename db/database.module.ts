import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions, type Env } from '@app/common';
import { ENTITIES } from './entities';

/** The TypeORM connection of a process (API, worker), over every entity, named for `pg_stat_activity`. */
@Module({})
export class DatabaseModule {
  static forRoot(applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Env, true>) =>
            buildDataSourceOptions({
              url: config.get('DATABASE_URL', { infer: true }),
              poolSize: config.get('DATABASE_POOL_SIZE', { infer: true }),
              entities: ENTITIES,
              applicationName,
            }),
        }),
      ],
    };
  }
}
