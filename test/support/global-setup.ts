// Global setup runs outside jest's module mapper: resolve the @app/* aliases from tsconfig.
import 'tsconfig-paths/register';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { buildDataSourceOptions } from '@app/common';
import { ENTITIES, MIGRATIONS } from '@app/db';
import { DataSource } from 'typeorm';
import { ADMIN_PG_URL, dbUrl, templateDbName } from './test-env';

/**
 * Once per jest run: a run id (so concurrent runs never meet), and a template database migrated from
 * empty. Each test file then clones the template into a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.AGG_TEST_RUN = run;
  const tpl = templateDbName(run);
  const admin = new Client({ connectionString: ADMIN_PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${tpl}"`);
  } finally {
    await admin.end();
  }
  const ds = new DataSource(
    buildDataSourceOptions({ url: dbUrl(tpl), entities: ENTITIES, migrations: MIGRATIONS, poolSize: 1 }),
  );
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}
