import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

export interface CreatedOperator {
  id: string;
  /** The plaintext secret, as the create response showed it once. */
  secret: string;
  name: string;
  walletMode: 'internal' | 'seamless';
  walletUrl: string | null;
  currencies: string[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewOperatorOverrides {
  name?: string;
  walletMode?: 'internal' | 'seamless';
  walletUrl?: string | null;
  currencies?: string[];
  /** false: disable it right after creating it (PATCH), as the create body has no `enabled`. */
  enabled?: boolean;
}

/**
 * Creates an operator through the admin API (internal wallet, EUR and USD, unique name unless given) and
 * returns the create response, secret included: `{ id, secret, ...body }`.
 */
export async function newOperator(
  t: Pick<TestApp, 'http' | 'adminAuth'>,
  overrides: NewOperatorOverrides = {},
): Promise<CreatedOperator> {
  const { enabled, ...fields } = overrides;
  const body = {
    name: `Operator ${randomUUID().slice(0, 8)}`,
    walletMode: 'internal',
    currencies: ['EUR', 'USD'],
    ...fields,
  };
  const res = await t.http().post('/admin/operators').set(t.adminAuth).send(body);
  if (res.status !== 201) throw new Error(`newOperator: ${res.status} ${JSON.stringify(res.body)}`);
  const created = res.body as CreatedOperator;
  if (enabled === false) {
    const patch = await t
      .http()
      .patch(`/admin/operators/${created.id}`)
      .set(t.adminAuth)
      .send({ enabled: false });
    if (patch.status !== 200)
      throw new Error(`newOperator (disable): ${patch.status} ${JSON.stringify(patch.body)}`);
    return { ...created, ...(patch.body as Omit<CreatedOperator, 'secret'>) };
  }
  return created;
}
