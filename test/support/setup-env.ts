import { randomBytes } from 'node:crypto';
import { dbUrl, runId, TEST_ADMIN_TOKEN, TEST_REDIS_URL, TEST_SECRETS_KEY } from './test-env';

// Runs before each integration test file is loaded: this file gets its own database and Redis prefix.
const file = randomBytes(4).toString('hex');
const run = runId();
process.env.AGG_TEST_DB = `agg_test_${run}_${file}`;
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = dbUrl(process.env.AGG_TEST_DB);
process.env.DATABASE_POOL_SIZE = '10';
process.env.REDIS_URL = TEST_REDIS_URL;
process.env.REDIS_PREFIX = `aggt:${run}:${file}`;
process.env.ADMIN_TOKEN = TEST_ADMIN_TOKEN;
process.env.SECRETS_KEY = TEST_SECRETS_KEY;
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.PUBLIC_BASE_URL = 'http://127.0.0.1:3000';
