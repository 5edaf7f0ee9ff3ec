import { applyDecorators, createParamDecorator, ExecutionContext, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { OPERATOR_SECURITY } from '@app/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedOperator } from './authenticated-operator';
import { OperatorAuthGuard } from './operator-auth.guard';

/**
 * Marks a controller or route as operator API: the request must carry a valid operator signature
 * (X-Operator-Id, X-Timestamp, X-Sign). The module using it must import `OperatorsModule`.
 */
export function OperatorAuth(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    UseGuards(OperatorAuthGuard),
    // One requirement naming all three headers: they are needed together.
    ApiSecurity(Object.fromEntries(OPERATOR_SECURITY.map((name) => [name, []]))),
    ApiUnauthorizedResponse({
      description:
        '`error` says why: MISSING_HEADERS, MALFORMED_HEADERS, STALE_TIMESTAMP, UNKNOWN_OPERATOR or INVALID_SIGNATURE',
      schema: {
        example: {
          statusCode: 401,
          error: 'STALE_TIMESTAMP',
          message: 'X-Timestamp is 412 s behind the server clock; allowed ±300 s',
          requestId: 'c2a1d2b4-5e0f-4f4e-8f52-3f1b7f0f6a11',
        },
      },
    }),
    ApiForbiddenResponse({
      description: 'OPERATOR_DISABLED: the signature holds but the operator is disabled',
      schema: {
        example: {
          statusCode: 403,
          error: 'OPERATOR_DISABLED',
          message: 'This operator is disabled',
          requestId: 'c2a1d2b4-5e0f-4f4e-8f52-3f1b7f0f6a11',
        },
      },
    }),
  );
}

/** The operator whose signature the request carries; only on routes under `@OperatorAuth()`. */
export const CurrentOperator = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedOperator => {
    const operator = context.switchToHttp().getRequest<FastifyRequest>().operator;
    if (!operator) throw new Error('@CurrentOperator() used on a route without @OperatorAuth()');
    return operator;
  },
);
