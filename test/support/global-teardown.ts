import { Client } from 'pg';
import Redis from 'ioredis';
import { ADMIN_PG_URL, TEST_REDIS_URL } from './test-env';

/** Drops every database and Redis key this run made (files that crashed before their own cleanup included). */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.AGG_TEST_RUN;
  if (!run) return;
  const admin = new Client({ connectionString: ADMIN_PG_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`agg_test_${run}_%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `aggt:${run}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
