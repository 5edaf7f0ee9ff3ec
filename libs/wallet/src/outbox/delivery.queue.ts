export enum QueueName {
  WalletDelivery = 'wallet-delivery',
}

export enum JobName {
  Deliver = 'deliver',
  Sweep = 'sweep',
}

/** Capped exponential backoff of outbox deliveries: 1 s, 2 s, 4 s … up to 5 min; attempts are unlimited. */
export function deliveryBackoffMs(attemptsMade: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.min(20, Math.max(0, attemptsMade - 1)));
}

/** BullMQ wants a number; this is "until the operator acknowledges". */
export const UNLIMITED_ATTEMPTS = Number.MAX_SAFE_INTEGER;
