import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { SeamlessWallet } from '../seamless/seamless-wallet';
import { deliveryBackoffMs, JobName, QueueName } from './delivery.queue';
import { OutboxService } from './outbox.service';

export const SWEEP_EVERY_MS = 10_000;

/**
 * Delivers outbox rows to seamless operators until acknowledged (a failed attempt throws, BullMQ retries
 * with capped exponential backoff, without limit), and sweeps every few seconds for rows whose job vanished
 * and for seamless bets left pending by a crash.
 */
@Processor(QueueName.WalletDelivery, {
  concurrency: 16,
  settings: { backoffStrategy: (attemptsMade: number) => deliveryBackoffMs(attemptsMade) },
})
export class DeliveryProcessor extends WorkerHost {
  private readonly logger = new Logger(DeliveryProcessor.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly seamless: SeamlessWallet,
  ) {
    super();
  }

  async process(job: Job<{ outboxId?: string }>): Promise<void> {
    const name = job.name as JobName;
    switch (name) {
      case JobName.Deliver: {
        const result = await this.outbox.deliver(job.data.outboxId!);
        if (!result.delivered) throw new Error(`Not delivered yet: ${result.reason}`);
        return;
      }
      case JobName.Sweep: {
        await this.seamless.sweepStalePendingBets();
        await this.outbox.sweep();
        return;
      }
      default:
        this.logger.error({ name: job.name }, 'Job without a processor');
    }
  }
}

/** Schedules the sweeper once the worker is up (a job scheduler: one schedule however many workers). */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.WalletDelivery) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'outbox-sweep',
      { every: SWEEP_EVERY_MS },
      { name: JobName.Sweep, opts: { removeOnComplete: true, removeOnFail: true } },
    );
  }
}
