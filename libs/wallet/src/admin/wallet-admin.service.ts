import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { type Page, pageOf, pageOffset } from '@app/common';
import { LedgerTransaction, OutboxMessage, Round } from '../entities';
import type { ListDeliveriesQueryDto } from './dto/list-deliveries-query.dto';
import type { ListRoundsQueryDto } from './dto/list-rounds-query.dto';
import type { ListTransactionsQueryDto } from './dto/list-transactions-query.dto';
import { periodOf } from './period';

/** Read-only, paged views of the ledger for the admin API; newest first, ties broken by id. */
@Injectable()
export class WalletAdminService {
  constructor(
    @InjectRepository(LedgerTransaction) private readonly transactions: Repository<LedgerTransaction>,
    @InjectRepository(Round) private readonly rounds: Repository<Round>,
    @InjectRepository(OutboxMessage) private readonly outbox: Repository<OutboxMessage>,
  ) {}

  async listTransactions(q: ListTransactionsQueryDto): Promise<Page<LedgerTransaction>> {
    const period = periodOf(q);
    const qb = this.transactions.createQueryBuilder('t');
    whereEquals(qb, 't', {
      operatorId: q.operatorId,
      playerId: q.playerId,
      providerId: q.providerId,
      roundId: q.roundId,
      providerRoundId: q.providerRoundId,
      kind: q.kind,
      status: q.status,
    });
    whereCreatedIn(qb, 't', period);
    return page(qb, 't', q);
  }

  async listRounds(q: ListRoundsQueryDto): Promise<Page<Round>> {
    const period = periodOf(q);
    const qb = this.rounds.createQueryBuilder('r');
    whereEquals(qb, 'r', {
      operatorId: q.operatorId,
      playerId: q.playerId,
      providerId: q.providerId,
      status: q.status,
    });
    whereCreatedIn(qb, 'r', period);
    return page(qb, 'r', q);
  }

  async listDeliveries(q: ListDeliveriesQueryDto): Promise<Page<OutboxMessage>> {
    const qb = this.outbox.createQueryBuilder('o');
    whereEquals(qb, 'o', { status: q.status, operatorId: q.operatorId });
    return page(qb, 'o', q);
  }
}

/** `alias.property = value` for every filter given; property names are the entity's (the naming strategy maps them). */
function whereEquals<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  filters: Record<string, string | undefined>,
): void {
  for (const [property, value] of Object.entries(filters)) {
    if (value !== undefined) qb.andWhere(`${alias}.${property} = :${property}`, { [property]: value });
  }
}

function whereCreatedIn<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  period: { from: Date | null; to: Date | null },
): void {
  if (period.from) qb.andWhere(`${alias}.createdAt >= :from`, { from: period.from });
  if (period.to) qb.andWhere(`${alias}.createdAt < :to`, { to: period.to });
}

async function page<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  q: { page: number; limit: number },
): Promise<Page<T>> {
  const [items, total] = await qb
    .orderBy(`${alias}.createdAt`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .skip(pageOffset(q))
    .take(q.limit)
    .getManyAndCount();
  return pageOf(items, total, q);
}
