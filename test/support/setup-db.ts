import { Client } from 'pg';
import Redis from 'ioredis';
import { ADMIN_PG_URL, runId, templateDbName, TEST_REDIS_URL } from './test-env';

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: ADMIN_PG_URL });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  const name = process.env.AGG_TEST_DB!;
  // CREATE DATABASE … TEMPLATE needs the template to have no other session; files start in parallel.
  for (let attempt = 0; ; attempt++) {
    try {
      await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDbName(runId())}"`));
      return;
    } catch (e) {
      if (attempt >= 50 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
});

afterAll(async () => {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${process.env.AGG_TEST_DB!}" WITH (FORCE)`));
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX!}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
});
