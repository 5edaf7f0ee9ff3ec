import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@app/common';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function createDataSource(url: string, poolSize = 5): DataSource {
  return new DataSource(
    buildDataSourceOptions({
      url,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      poolSize,
      applicationName: 'aggregator-cli',
    }),
  );
}

/** Used by the TypeORM CLI (`npm run migration:run`, `npm run migration:generate`). */
export default createDataSource(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/aggregator');
