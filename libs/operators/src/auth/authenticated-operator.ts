/** What the operator-API guard attaches to the request once the signature holds. */
export interface AuthenticatedOperator {
  id: string;
  name: string;
  walletMode: 'internal' | 'seamless';
  walletUrl: string | null;
  currencies: string[];
}
