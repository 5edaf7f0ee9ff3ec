import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { configureHttpApp, createFastifyAdapter } from '@app/common';
import { SessionCache } from '@app/sessions';
import { TEST_ADMIN_TOKEN } from './test-env';

export interface TestApp {
  app: NestFastifyApplication;
  /** supertest bound to the app's server. */
  http: () => ReturnType<typeof request>;
  /** Base URL when started with `listen: true` (simulators call back into it). */
  url: string;
  adminAuth: { Authorization: string };
  /**
   * After a test edits sessions or players in SQL: resolves once the API's session cache has heard of
   * every change committed so far (API writes need no such wait).
   */
  sessionsEdited: () => Promise<void>;
  close: () => Promise<void>;
}

export const BODY_LIMIT = 1024 * 1024;

/**
 * Boots the real API module (real PostgreSQL and Redis of this test file) with the same HTTP stack as
 * main.ts; `workers` adds the queue processors of apps/worker; `env` overrides settings (first call only).
 */
export async function createTestApp(
  opts: { listen?: boolean; workers?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  // The environment is validated when the app module is first loaded: overrides go in before that.
  Object.assign(process.env, opts.env ?? {});
  const { AppModule } = await import('../../apps/api/src/app.module');
  const imports: NonNullable<Parameters<typeof Test.createTestingModule>[0]['imports']> = [AppModule];
  if (opts.workers) imports.push((await import('@app/wallet')).WalletWorkerModule);
  const moduleRef = await Test.createTestingModule({ imports }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(BODY_LIMIT), {
    bodyParser: false,
    logger: false,
  });
  configureHttpApp(app, { bodyLimit: BODY_LIMIT });
  let url = '';
  if (opts.listen) {
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  } else {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  }
  return {
    app,
    http: () => request(app.getHttpServer()),
    url,
    adminAuth: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    sessionsEdited: () => app.get(SessionCache).sync(),
    close: () => app.close(),
  };
}
