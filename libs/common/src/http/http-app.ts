import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ValidationPipe } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Logger as Pino } from 'pino';
import { GlobalExceptionFilter } from '../errors/global-exception.filter';
import { MetricsService } from '../observability/metrics.service';
import { ROOT_LOGGER } from '../observability/logger.module';
import { ADMIN_SECURITY } from '../auth/admin-auth.guard';

export const OPERATOR_SECURITY = ['operator-id', 'operator-timestamp', 'operator-sign'] as const;

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact bytes of the request body, kept for signature checks and lossless protocol parsing. */
    rawBody?: Buffer;
    /** Set on provider callbacks whose body is not valid JSON; the protocol answers in its own error shape. */
    bodyParseError?: string;
  }
}

const REQUEST_ID = /^[\w.-]{1,128}$/;

/**
 * Route config (`@RouteConfig(RAW_BODY_ONLY)`) of a callback whose protocol parses the exact bytes itself
 * (losslessly, with its own error for bad JSON): the body is kept as `rawBody` and not parsed a second time.
 */
export const RAW_BODY_ONLY = { rawBodyOnly: true } as const;

/** Provider callbacks always get an answer in their own protocol, even for a body that is not JSON. */
const LENIENT_PREFIX = '/callbacks/';

export function createFastifyAdapter(bodyLimit: number): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit,
    // The caller's X-Request-Id when it is a sane token, else a new one; echoed on every answer.
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: false,
  });
}

function parseJsonBody(
  req: FastifyRequest,
  body: Buffer,
  done: (err: Error | null, body?: unknown) => void,
): void {
  req.rawBody = body;
  const config = req.routeOptions.config as { rawBodyOnly?: boolean } | undefined;
  if (body.length === 0 || config?.rawBodyOnly === true) return done(null, undefined);
  try {
    done(null, JSON.parse(body.toString('utf8')));
  } catch (e) {
    const reason = `Malformed JSON body: ${(e as Error).message}`;
    if (req.url.startsWith(LENIENT_PREFIX)) {
      req.bodyParseError = reason;
      return done(null, undefined);
    }
    done(Object.assign(new Error(reason), { statusCode: 400, code: 'MALFORMED_JSON' }));
  }
}

/**
 * One line per answered request (error level for a 5xx, else info; none for /health and /metrics). Only
 * the method, path and status: headers and bodies carry tokens and signatures. Nothing is built when the
 * level is off.
 */
function logRequest(logger: Pino, req: FastifyRequest, statusCode: number, elapsedMs: number): void {
  const level = statusCode >= 500 ? 'error' : 'info';
  if (!logger.isLevelEnabled(level) || req.url === '/health' || req.url === '/metrics') return;
  logger[level](
    {
      req: { id: req.id, method: req.method, url: req.url, remoteAddress: req.ip },
      res: { statusCode },
      responseTime: Math.round(elapsedMs),
    },
    statusCode >= 500 ? 'request failed' : 'request completed',
  );
}

/**
 * Everything an HTTP app needs besides its modules: raw-body JSON parsing, validation, one error shape,
 * latency metrics and Swagger. Used by `main.ts` and by the tests, so both run the same stack.
 */
export function configureHttpApp(
  app: NestFastifyApplication,
  opts: { bodyLimit: number; swagger?: boolean },
): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser(['application/json']);
  fastify.addContentTypeParser(
    ['application/json'],
    { parseAs: 'buffer', bodyLimit: opts.bodyLimit },
    (req, body, done) => parseJsonBody(req, body as Buffer, done),
  );
  // Game servers do not all send `application/json`: callbacks read any content type as JSON; elsewhere 415.
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: opts.bodyLimit }, (req, body, done) => {
    if (req.url.startsWith(LENIENT_PREFIX)) return parseJsonBody(req, body as Buffer, done);
    done(
      Object.assign(new Error('Unsupported Media Type'), {
        statusCode: 415,
        code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      }),
    );
  });

  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    done();
  });
  const metrics = app.get(MetricsService, { strict: false });
  const logger = app.get<symbol, Pino>(ROOT_LOGGER, { strict: false });
  fastify.addHook('onResponse', (req, reply, done) => {
    metrics.observeHttp(
      req.method,
      req.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    logRequest(logger, req, reply.statusCode, reply.elapsedTime);
    done();
  });

  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  app.useGlobalFilters(new GlobalExceptionFilter());
  app.enableShutdownHooks();

  if (opts.swagger !== false) {
    const config = new DocumentBuilder()
      .setTitle('Game aggregator')
      .setDescription(
        'Operator API (signed: X-Operator-Id, X-Timestamp, X-Sign = hex HMAC-SHA256(secret, ' +
          '`${timestamp}.${METHOD}.${pathWithQuery}.${rawBody}`)), admin API (Bearer token), provider callbacks.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' }, ADMIN_SECURITY)
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Operator-Id' }, OPERATOR_SECURITY[0])
      .addApiKey(
        { type: 'apiKey', in: 'header', name: 'X-Timestamp', description: 'unix seconds, ±300 s' },
        OPERATOR_SECURITY[1],
      )
      .addApiKey(
        { type: 'apiKey', in: 'header', name: 'X-Sign', description: 'hex HMAC-SHA256' },
        OPERATOR_SECURITY[2],
      )
      .build();
    const document = SwaggerModule.createDocument(app, config);
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  }
}
