import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { PinoNestLogger, validateEnv } from '@app/common';
import { WorkerModule } from './worker.module';

/** BullMQ processors: delivery of wins and refunds to seamless operators, and the outbox sweeper. */
async function bootstrap(): Promise<void> {
  validateEnv(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  app.enableShutdownHooks();
  app.get(PinoNestLogger).log('Worker started: wallet deliveries and outbox sweeper');
}

void bootstrap().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
