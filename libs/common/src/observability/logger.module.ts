import { hostname } from 'node:os';
import { Global, type LoggerService, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import pino, { type Logger as Pino, type LevelWithSilent } from 'pino';
import type { Env } from '../config/env';

/** Paths redacted from every log line: credentials, signatures and secrets never reach the logs. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-sign"]',
  'req.headers.cookie',
  '*.secret',
  '*.token',
  '*.sign',
  '*.salt',
  '*.walletToken',
  '*.password',
  '*.previousSecret',
];

/** The process's one pino logger (JSON lines on stdout). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

export function createRootLogger(level: LevelWithSilent, destination?: pino.DestinationStream): Pino {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { pid: process.pid, hostname: hostname(), service: 'aggregator' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's logger on pino. Nest's `Logger` passes its context (the class name) as the last argument; a
 * first argument that is an object becomes the line's fields (`logger.warn({ operatorId }, 'message')`), an
 * Error its `err`. No per-request state: request lines are written by the HTTP app's hook (`http-app.ts`),
 * which knows the request id.
 */
export class PinoNestLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? rest.pop() : undefined;
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    let text: string | undefined;
    if (message instanceof Error) {
      fields.err = message;
      text = message.message;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
    } else {
      text = String(message);
    }
    // What is left: a message after an object of fields, Nest's `error(message, stack)`, or anything else.
    const extra: unknown[] = [];
    for (const param of rest) {
      if (typeof param === 'string' && text === undefined) text = param;
      else if (typeof param === 'string' && level === 'error' && fields.stack === undefined)
        fields.stack = param;
      else if (param !== undefined) extra.push(param);
    }
    if (extra.length > 0) fields.extra = extra;
    this.pino[level](fields, text);
  }
}

@Global()
@Module({
  providers: [
    {
      provide: ROOT_LOGGER,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) =>
        createRootLogger(config.get<LevelWithSilent>('LOG_LEVEL')),
    },
    { provide: PinoNestLogger, inject: [ROOT_LOGGER], useFactory: (root: Pino) => new PinoNestLogger(root) },
  ],
  exports: [ROOT_LOGGER, PinoNestLogger],
})
export class AppLoggerModule {}
