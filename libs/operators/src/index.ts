import { Operator } from './operator.entity';

export * from './operators.module';
export { OperatorsService } from './operators.service';
export type {
  OperatorView,
  CreateOperatorInput,
  UpdateOperatorInput,
  RotatedSecret,
} from './operators.service';
export { OperatorsException, OperatorsErrorCode } from './operators.exception';
export { WALLET_MODES, type WalletMode } from './operator.entity';
export * from './auth/authenticated-operator';
export { OperatorAuth, CurrentOperator } from './auth/operator-auth.decorators';
export { OperatorAuthGuard } from './auth/operator-auth.guard';
export { OperatorAuthException, OperatorAuthErrorCode } from './auth/operator-auth.exception';
export {
  operatorSignaturePayload,
  signOperatorRequest,
  verifyOperatorSignature,
  type SignedRequestParts,
} from './auth/operator-signature';
export { type OperatorCredentials, verifyingSecrets } from './credentials/operator-credentials';
export {
  OperatorCredentialsService,
  CREDENTIALS_CACHE_TTL_MS,
} from './credentials/operator-credentials.service';

/** Entities of this module, for `db/entities.ts` only: other modules never read these tables. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const OPERATOR_ENTITIES: Function[] = [Operator];
export * from './wallet-client/operator-wallet.types';
export {
  OperatorWalletClient,
  type OperatorEndpoint,
  classify as classifyOperatorAnswer,
} from './wallet-client/operator-wallet.client';
export { CircuitBreaker } from './wallet-client/circuit-breaker';
