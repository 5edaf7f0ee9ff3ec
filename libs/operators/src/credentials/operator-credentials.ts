import type { AuthenticatedOperator } from '../auth/authenticated-operator';

/** An operator's public fields with its decrypted secrets: for the signature guard and the wallet client. */
export interface OperatorCredentials {
  operator: AuthenticatedOperator;
  enabled: boolean;
  /** Verifies the operator's requests and signs ours to its walletUrl (see `signOperatorRequest`). */
  currentSecret: string;
  /** The secret before the last rotation; verifies requests until `validUntil`. */
  previousSecret: { secret: string; validUntil: Date } | null;
}

/** The secrets that verify a request at `now`: the current one, and the previous one during its grace. */
export function verifyingSecrets(credentials: OperatorCredentials, now: Date): string[] {
  const { currentSecret, previousSecret } = credentials;
  return previousSecret && previousSecret.validUntil.getTime() > now.getTime()
    ? [currentSecret, previousSecret.secret]
    : [currentSecret];
}
