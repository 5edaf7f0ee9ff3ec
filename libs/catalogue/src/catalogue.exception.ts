import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/common';

export enum CatalogueErrorCode {
  ProviderNotFound = 'PROVIDER_NOT_FOUND',
  ProviderCodeTaken = 'PROVIDER_CODE_TAKEN',
  InvalidProviderConfig = 'INVALID_PROVIDER_CONFIG',
  InvalidAllowedIps = 'INVALID_ALLOWED_IPS',
  ProtocolImmutable = 'PROTOCOL_IMMUTABLE',
  DuplicateGameIds = 'DUPLICATE_GAME_IDS',
  TooManyGames = 'TOO_MANY_GAMES',
  SyncNotSupported = 'SYNC_NOT_SUPPORTED',
  SyncNotConfigured = 'SYNC_NOT_CONFIGURED',
  UpstreamFailed = 'UPSTREAM_FAILED',
}

function statusOf(code: CatalogueErrorCode): number {
  switch (code) {
    case CatalogueErrorCode.ProviderNotFound:
      return HttpStatus.NOT_FOUND;
    case CatalogueErrorCode.ProviderCodeTaken:
      return HttpStatus.CONFLICT;
    case CatalogueErrorCode.InvalidProviderConfig:
    case CatalogueErrorCode.InvalidAllowedIps:
    case CatalogueErrorCode.ProtocolImmutable:
    case CatalogueErrorCode.DuplicateGameIds:
    case CatalogueErrorCode.TooManyGames:
      return HttpStatus.BAD_REQUEST;
    case CatalogueErrorCode.SyncNotSupported:
    case CatalogueErrorCode.SyncNotConfigured:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case CatalogueErrorCode.UpstreamFailed:
      return HttpStatus.BAD_GATEWAY;
  }
}

/** Everything the catalogue refuses, with its code; the HTTP status follows from the code. */
export class CatalogueException extends DomainException<CatalogueErrorCode> {
  readonly httpStatus: number;

  constructor(code: CatalogueErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.httpStatus = statusOf(code);
  }
}
