import type { MixedList } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

export interface DatabaseOptionsInput {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/** The one place TypeORM is configured. `synchronize` is never on: the schema comes from migrations. */
export function buildDataSourceOptions(input: DatabaseOptionsInput): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: input.entities,
    migrations: input.migrations ?? [],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: input.applicationName ?? 'aggregator',
    extra: { max: input.poolSize ?? 20 },
    logging: false,
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install (which would need a superuser).
    installExtensions: false,
    uuidExtension: 'pgcrypto',
  };
}
