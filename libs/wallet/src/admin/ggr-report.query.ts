import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Money } from '@app/common';
import type { GgrReportQueryDto } from './dto/ggr-report-query.dto';
import type {
  GgrReportResponseDto,
  GgrRowResponseDto,
  GgrTotalResponseDto,
} from './dto/ggr-report-response.dto';
import { periodOf } from './period';

/** A report scans the ledger: keep its period bounded. */
export const GGR_MAX_DAYS = 366;

interface GgrSqlRow {
  is_total: boolean;
  day: string | null;
  operator_id: string | null;
  provider_id: string | null;
  game_id: string | null;
  currency: string;
  bets: string;
  wins: string;
  refunds: string;
  ggr: string;
  bet_count: string;
  win_count: string;
  refund_count: string;
}

/**
 * Gross gaming revenue from committed bets, wins and refunds, per UTC day × operator × provider × game ×
 * currency, plus totals per currency. The sums are done by PostgreSQL on `numeric` (exact); a refund that
 * moved no money is stored with amount 0 and so counts for nothing.
 */
@Injectable()
export class GgrReportQuery {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(q: GgrReportQueryDto): Promise<GgrReportResponseDto> {
    const { from, to } = periodOf(q, GGR_MAX_DAYS);
    const params: unknown[] = [from, to];
    const filters: string[] = [];
    const filter = (column: string, value: string | undefined): void => {
      if (value === undefined) return;
      params.push(value);
      filters.push(`AND ${column} = $${params.length}`);
    };
    filter('operator_id', q.operatorId);
    filter('provider_id', q.providerId);
    filter('currency', q.currency);

    const rows: GgrSqlRow[] = await this.db.query(
      `WITH moves AS (
         SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
                operator_id, provider_id, game_id, currency, kind, amount
           FROM wallet_transactions
          WHERE status = 'committed' AND kind IN ('bet', 'win', 'refund')
            AND created_at >= $1 AND created_at < $2
            ${filters.join(' ')}
       )
       SELECT GROUPING(day) = 1 AS is_total, day, operator_id, provider_id, game_id, currency,
              COALESCE(SUM(amount) FILTER (WHERE kind = 'bet'), 0)::text AS bets,
              COALESCE(SUM(amount) FILTER (WHERE kind = 'win'), 0)::text AS wins,
              COALESCE(SUM(amount) FILTER (WHERE kind = 'refund'), 0)::text AS refunds,
              (COALESCE(SUM(amount) FILTER (WHERE kind = 'bet'), 0)
                 - COALESCE(SUM(amount) FILTER (WHERE kind = 'win'), 0)
                 - COALESCE(SUM(amount) FILTER (WHERE kind = 'refund'), 0))::text AS ggr,
              COUNT(*) FILTER (WHERE kind = 'bet') AS bet_count,
              COUNT(*) FILTER (WHERE kind = 'win') AS win_count,
              COUNT(*) FILTER (WHERE kind = 'refund') AS refund_count
         FROM moves
        GROUP BY GROUPING SETS ((day, operator_id, provider_id, game_id, currency), (currency))
        ORDER BY is_total, day, operator_id, provider_id, game_id NULLS LAST, currency`,
      params,
    );

    const result: GgrReportResponseDto = {
      from: from!.toISOString(),
      to: to!.toISOString(),
      rows: [],
      totals: [],
    };
    for (const r of rows) {
      const figures: GgrTotalResponseDto = {
        currency: r.currency,
        bets: decimal(r.bets),
        wins: decimal(r.wins),
        refunds: decimal(r.refunds),
        ggr: decimal(r.ggr),
        betCount: Number(r.bet_count),
        winCount: Number(r.win_count),
        refundCount: Number(r.refund_count),
      };
      if (r.is_total) {
        result.totals.push(figures);
      } else {
        const row: GgrRowResponseDto = {
          day: r.day!,
          operatorId: r.operator_id!,
          providerId: r.provider_id!,
          gameId: r.game_id,
          ...figures,
        };
        result.rows.push(row);
      }
    }
    return result;
  }
}

/** Sums may exceed the 22 integer digits of a column; parse them with room to spare. */
function decimal(text: string): string {
  return Money.parseDecimal(text, { maxDecimals: 8, maxIntegerDigits: 30, allowNegative: true }).toString();
}
