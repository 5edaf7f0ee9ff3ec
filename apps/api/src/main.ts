import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureHttpApp, createFastifyAdapter, type Env, PinoNestLogger, validateEnv } from '@app/common';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const env = validateEnv(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    createFastifyAdapter(env.BODY_LIMIT_BYTES),
    {
      bufferLogs: true,
      bodyParser: false,
    },
  );
  app.useLogger(app.get(PinoNestLogger));
  configureHttpApp(app, { bodyLimit: env.BODY_LIMIT_BYTES });
  const config = app.get(ConfigService<Env, true>);
  await app.listen(config.get('PORT', { infer: true }), config.get('HOST', { infer: true }));
  app
    .get(PinoNestLogger)
    .log(
      `API listening on ${await app.getUrl()} — Swagger UI at ${config.get('PUBLIC_BASE_URL', { infer: true })}/docs`,
    );
}

void bootstrap().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
