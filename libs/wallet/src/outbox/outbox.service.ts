import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { Money } from '@app/common';
import { type MoveFundsRequest, OperatorWalletClient } from '@app/operators';
import { OperatorEndpoints } from '../seamless/operator-endpoints.port';
import { JobName, QueueName, UNLIMITED_ATTEMPTS } from './delivery.queue';

export type DeliveryResult =
  { delivered: true; balance: Money | null } | { delivered: false; reason: string };

/**
 * Money owed to seamless operators. A row is written in the same DB transaction as its ledger entry;
 * `deliver` sends it (inline once, then from the worker) until the operator acknowledges. The operator
 * dedups on the payload's transactionId, so a second send of a delivered row is harmless.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.WalletDelivery) private readonly queue: Queue,
    private readonly client: OperatorWalletClient,
    private readonly endpoints: OperatorEndpoints,
  ) {}

  async add(
    em: EntityManager,
    id: string,
    transactionId: string,
    operatorId: string,
    payload: MoveFundsRequest,
  ): Promise<void> {
    await em.query(
      `INSERT INTO outbox (id, transaction_id, operator_id, payload, status) VALUES ($1, $2, $3, $4::jsonb, 'pending')`,
      [id, transactionId, operatorId, JSON.stringify(payload)],
    );
  }

  /** Queues a delivery; the job id is the outbox id, so queueing twice is one job. */
  async enqueue(outboxId: string, delayMs = 0): Promise<void> {
    await this.queue.add(
      JobName.Deliver,
      { outboxId },
      {
        jobId: outboxId,
        delay: delayMs,
        attempts: UNLIMITED_ATTEMPTS,
        backoff: { type: 'capped-exponential' },
        removeOnComplete: true,
        removeOnFail: false,
      },
    );
  }

  /** Whether the movement's outbox row is still waiting for its first delivery attempt to end. */
  async firstTryRunning(transactionId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM outbox WHERE transaction_id = $1 AND status = 'pending' AND attempts = 0`,
      [transactionId],
    );
    return rows.length > 0;
  }

  /** One delivery attempt. Returns whether the operator acknowledged. */
  async deliver(outboxId: string, timeoutMs?: number): Promise<DeliveryResult> {
    const rows: { operator_id: string; payload: MoveFundsRequest; status: string; transaction_id: string }[] =
      await this.db.query(`SELECT operator_id, payload, status, transaction_id FROM outbox WHERE id = $1`, [
        outboxId,
      ]);
    if (rows.length === 0) return { delivered: false, reason: 'no such outbox row' };
    const row = rows[0];
    if (row.status === 'delivered') return { delivered: true, balance: null };
    const endpoint = await this.endpoints.endpoint(row.operator_id);
    const result = await this.client.moveFunds(endpoint, row.payload, timeoutMs);
    if (result.kind === 'ok') {
      await this.markDelivered(outboxId, row, result.balance);
      return { delivered: true, balance: result.balance };
    }
    const reason =
      result.kind === 'refused'
        ? `operator refused: ${result.code} ${result.message}`
        : result.kind === 'open'
          ? 'breaker open'
          : result.reason;
    await this.db.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = $2, last_attempt_at = now() WHERE id = $1 AND status = 'pending'`,
      [outboxId, reason.slice(0, 500)],
    );
    if (result.kind === 'refused') {
      // A win or refund must not be refused; keep retrying, but make it visible.
      this.logger.error(
        { outboxId, operatorId: row.operator_id, code: result.code },
        'Operator refused an owed movement',
      );
    }
    return { delivered: false, reason };
  }

  private async markDelivered(
    outboxId: string,
    row: { operator_id: string; payload: MoveFundsRequest; transaction_id: string },
    balance: Money | null,
  ): Promise<void> {
    await this.db.transaction(async (em) => {
      await em.query(
        `UPDATE outbox SET status = 'delivered', delivered_at = now(), attempts = attempts + 1, last_attempt_at = now(),
           last_error = NULL WHERE id = $1 AND status = 'pending'`,
        [outboxId],
      );
      if (balance) {
        await em.query(
          `UPDATE accounts SET operator_balance = $2::numeric, operator_balance_at = now()
           WHERE id = (SELECT account_id FROM wallet_transactions WHERE id = $1)`,
          [row.transaction_id, balance.toDb()],
        );
      }
    });
  }

  /**
   * Re-queues pending rows whose job is gone (Redis restarted without persistence, a job removed by hand).
   * Returns how many were re-queued.
   */
  async sweep(olderThanMs = 5000, batch = 500): Promise<number> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM outbox WHERE status = 'pending' AND created_at < now() - ($1::int * interval '1 millisecond')
       ORDER BY created_at LIMIT $2`,
      [olderThanMs, batch],
    );
    let requeued = 0;
    for (const { id } of rows) {
      const job = await this.queue.getJob(id);
      if (job && !(await job.isFailed())) continue;
      if (job) await job.remove();
      await this.enqueue(id);
      requeued += 1;
    }
    if (requeued > 0)
      this.logger.warn({ requeued }, 'Outbox sweeper re-queued deliveries whose job was gone');
    return requeued;
  }
}
