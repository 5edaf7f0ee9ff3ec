import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/common';

/** Why a request to the operator API was refused; sent as `error` so the operator can tell what to fix. */
export enum OperatorAuthErrorCode {
  /** X-Operator-Id, X-Timestamp or X-Sign is absent. */
  MISSING_HEADERS = 'MISSING_HEADERS',
  /** A header is present but unusable: the id is not a uuid, the timestamp not unix seconds, the sign not 64 hex chars. */
  MALFORMED_HEADERS = 'MALFORMED_HEADERS',
  /** X-Timestamp is further than the tolerance from the server clock, in the past or the future. */
  STALE_TIMESTAMP = 'STALE_TIMESTAMP',
  UNKNOWN_OPERATOR = 'UNKNOWN_OPERATOR',
  INVALID_SIGNATURE = 'INVALID_SIGNATURE',
  /** The signature holds, but the operator is disabled. */
  OPERATOR_DISABLED = 'OPERATOR_DISABLED',
}

export class OperatorAuthException extends DomainException<OperatorAuthErrorCode> {
  constructor(code: OperatorAuthErrorCode, message: string) {
    super(code, message);
  }

  /**
   * 401 when we cannot tell who is calling; 403 when the caller proved who it is (valid signature) but
   * is not allowed in: retrying with another signature will not help, re-enabling the operator will.
   */
  get httpStatus(): number {
    switch (this.code) {
      case OperatorAuthErrorCode.MISSING_HEADERS:
      case OperatorAuthErrorCode.MALFORMED_HEADERS:
      case OperatorAuthErrorCode.STALE_TIMESTAMP:
      case OperatorAuthErrorCode.UNKNOWN_OPERATOR:
      case OperatorAuthErrorCode.INVALID_SIGNATURE:
        return HttpStatus.UNAUTHORIZED;
      case OperatorAuthErrorCode.OPERATOR_DISABLED:
        return HttpStatus.FORBIDDEN;
    }
  }
}
