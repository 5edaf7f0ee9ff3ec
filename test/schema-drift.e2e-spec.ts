import { buildDataSourceOptions } from '@app/common';
import { ENTITIES, MIGRATIONS } from '@app/db';
import { DataSource } from 'typeorm';

describe('schema', () => {
  it('migrations from an empty database match the entities: generating a migration yields nothing', async () => {
    const ds = new DataSource(
      buildDataSourceOptions({
        url: process.env.DATABASE_URL!,
        entities: ENTITIES,
        migrations: MIGRATIONS,
        poolSize: 1,
      }),
    );
    await ds.initialize();
    try {
      // This file's database was cloned from the template migrated from empty by the global setup.
      const pending = await ds.showMigrations();
      expect(pending).toBe(false);
      const sql = await ds.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
