import type { DataSource } from 'typeorm';
import { type Page, pageOf, pageOffset } from './pagination';

/** The AND-ed conditions of a filtered list and their parameters (`$1`, `$2`… in the order added). */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** `sql` is the condition up to its placeholder, e.g. `s.created_at >=`; the value becomes a parameter. */
  add(sql: string, value: unknown): this {
    this.params.push(value);
    this.conditions.push(`${sql} $${this.params.length}`);
    return this;
  }

  /** `WHERE …`, or nothing without conditions. */
  get where(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/**
 * One page of a filtered list and the total it is a page of. `from` is the FROM clause (a table and its
 * alias), `orderBy` must end in a unique column so pages never overlap. Only for SQL text that is a constant
 * of the code: every value goes through `filter`.
 */
export async function sqlPage<R, T>(
  db: DataSource,
  query: { columns: string; from: string; orderBy: string },
  filter: SqlFilter,
  page: { page: number; limit: number },
  toItem: (row: R) => T,
): Promise<Page<T>> {
  const { params, where } = filter;
  const [count]: { total: string }[] = await db.query(
    `SELECT count(*)::text AS total FROM ${query.from} ${where}`,
    params,
  );
  const rows: R[] = await db.query(
    `SELECT ${query.columns} FROM ${query.from} ${where}
      ORDER BY ${query.orderBy} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, pageOffset(page)],
  );
  return pageOf(rows.map(toItem), Number(count.total), page);
}
