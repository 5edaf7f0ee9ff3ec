import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryConfig } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Distinct statements given a name; past this, statements run unnamed (a guard against dynamic SQL). */
const MAX_NAMED_STATEMENTS = 500;
const names = new Map<string, string>();

function statementName(sql: string): string | undefined {
  const known = names.get(sql);
  if (known !== undefined || names.size >= MAX_NAMED_STATEMENTS) return known;
  const name = `q_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
  names.set(sql, name);
  return name;
}

/** A pg query config naming `sql`, so each connection prepares it once (what `queryPrepared` sends). */
export function preparedStatement(sql: string, params: unknown[]): QueryConfig {
  return { name: statementName(sql), text: sql, values: params };
}

/**
 * Runs one of the hot path's fixed statements as a named prepared statement: PostgreSQL parses and plans it
 * once per connection instead of on every call (a CTE movement costs more to plan than to run). `target` is
 * the data source, or a transaction's entity manager to run on its connection. Answers the rows, also for
 * `UPDATE … RETURNING` (unlike TypeORM's `query`). Only for SQL text that is a constant of the code: the
 * parameters vary, the text never does.
 */
export async function queryPrepared<T>(
  target: DataSource | EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const config = preparedStatement(sql, params);
  const runner = target instanceof DataSource ? undefined : target.queryRunner;
  if (runner && !runner.isReleased) {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query(config)).rows as T[];
  }
  const dataSource = target instanceof DataSource ? target : target.connection;
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return (await pool.query(config)).rows as T[];
}
