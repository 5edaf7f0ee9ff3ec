/** Names shared by the jest global setup, every test file and the teardown. */
export const ADMIN_PG_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
export const TEST_SECRETS_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

export function dbUrl(name: string): string {
  const u = new URL(ADMIN_PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export function runId(): string {
  const id = process.env.AGG_TEST_RUN;
  if (!id) throw new Error('AGG_TEST_RUN is not set: run the integration tests through jest (global setup)');
  return id;
}

export const templateDbName = (run: string): string => `agg_test_${run}_tpl`;
