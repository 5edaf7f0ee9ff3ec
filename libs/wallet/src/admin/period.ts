import { WalletAdminException } from './wallet-admin.exception';

export interface Period {
  from: Date | null;
  to: Date | null;
}

/**
 * Reads validated `from`/`to` texts (see PagedPeriodQueryDto) into instants; a date without time is UTC
 * midnight. Refuses `from` after `to` and, when `maxDays` is given, a longer span.
 */
export function periodOf(q: { from?: string; to?: string }, maxDays?: number): Period {
  const from = q.from === undefined ? null : new Date(q.from);
  const to = q.to === undefined ? null : new Date(q.to);
  if (q.from !== undefined && q.to !== undefined && from!.getTime() > to!.getTime()) {
    throw WalletAdminException.fromAfterTo(q.from, q.to);
  }
  if (maxDays !== undefined && from && to && to.getTime() - from.getTime() > maxDays * 86_400_000) {
    throw WalletAdminException.periodTooLong(maxDays);
  }
  return { from, to };
}
