import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException } from './domain.exception';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  requestId?: string;
  details?: Record<string, unknown>;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

function statusName(status: number): string {
  return STATUS_NAMES[status] ?? `HTTP_${status}`;
}

/**
 * Turns every error into one JSON shape. Domain exceptions carry their own status and code; Nest HTTP
 * exceptions and Fastify's own (bad JSON, body too large) keep their status; anything else is a 500
 * with the request id and no internals.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('GlobalExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const body = this.toBody(exception);
    body.requestId = String(request.id);
    if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception, requestId: body.requestId, url: request.url },
        'Unhandled error while serving a request',
      );
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      return {
        statusCode: exception.httpStatus,
        error: String(exception.code),
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message =
        typeof res === 'string'
          ? res
          : ((res as { message?: string | string[] }).message ?? exception.message);
      const error =
        typeof res === 'object' && typeof (res as { code?: unknown }).code === 'string'
          ? (res as { code: string }).code
          : statusName(status);
      return { statusCode: status, error, message };
    }
    const fastifyErr = exception as { statusCode?: unknown; code?: unknown; message?: unknown };
    if (
      typeof fastifyErr?.statusCode === 'number' &&
      fastifyErr.statusCode >= 400 &&
      fastifyErr.statusCode < 500 &&
      typeof fastifyErr.message === 'string'
    ) {
      return {
        statusCode: fastifyErr.statusCode,
        error: typeof fastifyErr.code === 'string' ? fastifyErr.code : statusName(fastifyErr.statusCode),
        message: fastifyErr.message,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'INTERNAL_ERROR',
      message: 'Internal error; quote the requestId when reporting it',
    };
  }
}
