import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Env } from '../config/env';
import { safeEquals } from '../crypto/hmac';

export const ADMIN_SECURITY = 'admin';

@Injectable()
export class AdminAuthGuard implements CanActivate {
  private readonly token: string;

  constructor(config: ConfigService<Env, true>) {
    this.token = config.get('ADMIN_TOKEN', { infer: true });
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer (.+)$/.exec(header) : null;
    if (!match)
      throw new UnauthorizedException('Missing admin bearer token (Authorization: Bearer <ADMIN_TOKEN>)');
    if (!safeEquals(match[1], this.token)) throw new UnauthorizedException('Invalid admin token');
    return true;
  }
}

/** Marks a controller or route as admin-only (bearer token), in Swagger too. */
export function AdminAuth(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    UseGuards(AdminAuthGuard),
    ApiBearerAuth(ADMIN_SECURITY),
    ApiUnauthorizedResponse({ description: 'Missing or invalid admin token' }),
  );
}
