import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/common';

export enum OperatorsErrorCode {
  OPERATOR_NOT_FOUND = 'OPERATOR_NOT_FOUND',
  OPERATOR_NAME_TAKEN = 'OPERATOR_NAME_TAKEN',
  WALLET_URL_REQUIRED = 'WALLET_URL_REQUIRED',
}

/** Errors of operator management (admin API and the services other modules call). */
export class OperatorsException extends DomainException<OperatorsErrorCode> {
  constructor(code: OperatorsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }

  get httpStatus(): number {
    switch (this.code) {
      case OperatorsErrorCode.OPERATOR_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case OperatorsErrorCode.OPERATOR_NAME_TAKEN:
        return HttpStatus.CONFLICT;
      case OperatorsErrorCode.WALLET_URL_REQUIRED:
        return HttpStatus.BAD_REQUEST;
    }
  }

  static notFound(id: string): OperatorsException {
    return new OperatorsException(OperatorsErrorCode.OPERATOR_NOT_FOUND, `Operator ${id} does not exist`, {
      id,
    });
  }

  static nameTaken(name: string): OperatorsException {
    return new OperatorsException(
      OperatorsErrorCode.OPERATOR_NAME_TAKEN,
      `An operator named "${name}" already exists`,
      {
        name,
      },
    );
  }

  static walletUrlRequired(): OperatorsException {
    return new OperatorsException(
      OperatorsErrorCode.WALLET_URL_REQUIRED,
      'walletUrl is required when walletMode is "seamless"',
    );
  }
}
