import type { DataSource } from 'typeorm';

/** Sum of all postings per currency: double entry keeps every one at zero. */
export async function postingSums(db: DataSource): Promise<Record<string, string>> {
  const rows: { currency: string; total: string }[] = await db.query(
    `SELECT currency, sum(amount)::text AS total FROM postings GROUP BY currency`,
  );
  return Object.fromEntries(rows.map((r) => [r.currency, r.total]));
}

/** Materialised balances that disagree with the sum of the account's postings (should be none). */
export async function balanceMismatches(db: DataSource): Promise<unknown[]> {
  return db.query(
    `SELECT a.id, a.balance, coalesce(sum(p.amount), 0) AS postings
     FROM accounts a LEFT JOIN postings p ON p.account_id = a.id
     WHERE a.kind IN ('player', 'bonus')
     GROUP BY a.id, a.balance
     HAVING a.balance <> coalesce(sum(p.amount), 0)`,
  );
}

/** Every transaction's postings sum to zero. Returns the ids that do not. */
export async function unbalancedTransactions(db: DataSource): Promise<string[]> {
  const rows: { transaction_id: string }[] = await db.query(
    `SELECT transaction_id FROM postings GROUP BY transaction_id, currency HAVING sum(amount) <> 0`,
  );
  return rows.map((r) => r.transaction_id);
}
