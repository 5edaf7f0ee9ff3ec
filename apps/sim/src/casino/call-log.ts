import { performance } from 'node:perf_hooks';
import { CasinoControlError } from './casino-control.error';
import type { FaultMode } from './casino-faults';

/** One request to the wallet endpoint, as the casino saw it. */
export interface WalletCall {
  /** 1, 2, 3… in arrival order. */
  seq: number;
  /** As sent; null when the body had none. */
  action: string | null;
  transactionId: string | null;
  moveType: string | null;
  userId: string | null;
  /** The parsed body (undefined when it was not JSON). */
  request: unknown;
  /** Epoch ms with sub-ms precision from a monotonic clock: when the request arrived. */
  startedAt: number;
  /** When the answer was sent or the connection dropped; null while in progress. */
  endedAt: number | null;
  /** null when the connection was dropped without an answer, or while in progress. */
  httpStatus: number | null;
  /** The JSON answer, the raw text of a garbage answer, or null. */
  answer: unknown;
  signature: 'valid' | 'invalid' | 'unchecked';
  fault: FaultMode | null;
  /** The wallet logic ran for this call (it may still have been a repeat or a refusal). */
  processed: boolean;
  /** A move-funds answered from its earlier decision, moving nothing. */
  repeat: boolean;
}

export interface CallFilter {
  action?: string;
  transactionId?: string;
  moveType?: string;
  userId?: string;
}

export type CallMatcher = CallFilter | ((call: WalletCall) => boolean);

export interface WaitForCallsOptions {
  /** Default 1. */
  count?: number;
  /** Default true; false also counts calls still in progress (arrived, signature checked, not answered). */
  finished?: boolean;
  /** Default 5000. */
  timeoutMs?: number;
}

interface Waiter {
  matches: (call: WalletCall) => boolean;
  finished: boolean;
  count: number;
  resolve: (calls: WalletCall[]) => void;
}

/** Monotonic, with an epoch origin, so times from different calls compare and read as dates. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Every wallet call in arrival order, bounded so a long benchmark cannot exhaust memory. */
export class CallLog {
  private calls: WalletCall[] = [];
  private nextSeq = 1;
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly limit: number) {}

  begin(startedAt: number): WalletCall {
    const call: WalletCall = {
      seq: this.nextSeq++,
      action: null,
      transactionId: null,
      moveType: null,
      userId: null,
      request: undefined,
      startedAt,
      endedAt: null,
      httpStatus: null,
      answer: null,
      signature: 'unchecked',
      fault: null,
      processed: false,
      repeat: false,
    };
    this.calls.push(call);
    if (this.calls.length > this.limit * 2) this.calls = this.calls.slice(-this.limit);
    return call;
  }

  /** Tells waiters for calls in progress that this one is now described (action, ids, signature). */
  arrived(): void {
    this.wakeWaiters();
  }

  /** Marks the call finished; httpStatus null when the connection was dropped. */
  end(call: WalletCall, httpStatus: number | null, answer: unknown): void {
    if (call.endedAt !== null) return;
    call.endedAt = nowMs();
    call.httpStatus = httpStatus;
    call.answer = answer;
    this.wakeWaiters();
  }

  /** Copies, oldest first; finished and in-progress calls alike. */
  list(matcher: CallMatcher = {}): WalletCall[] {
    const matches = toPredicate(matcher);
    return this.recent()
      .filter(matches)
      .map((c) => ({ ...c }));
  }

  /** Resolves with every finished (or, with finished: false, arrived) matching call once there are `count`. */
  waitFor(matcher: CallMatcher, options: WaitForCallsOptions = {}): Promise<WalletCall[]> {
    const count = options.count ?? 1;
    const timeoutMs = options.timeoutMs ?? 5000;
    const finished = options.finished ?? true;
    const matches = toPredicate(matcher);
    const already = this.matching(matches, finished);
    if (already.length >= count) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(CasinoControlError.callTimeout(timeoutMs));
      }, timeoutMs);
      const waiter: Waiter = {
        matches,
        finished,
        count,
        resolve: (calls) => {
          clearTimeout(timer);
          resolve(calls);
        },
      };
      this.waiters.add(waiter);
    });
  }

  clear(): void {
    this.calls = [];
  }

  private wakeWaiters(): void {
    for (const waiter of this.waiters) {
      const found = this.matching(waiter.matches, waiter.finished);
      if (found.length >= waiter.count) {
        this.waiters.delete(waiter);
        waiter.resolve(found);
      }
    }
  }

  private matching(matches: (call: WalletCall) => boolean, finishedOnly: boolean): WalletCall[] {
    return this.recent()
      .filter((c) => (!finishedOnly || c.endedAt !== null) && matches(c))
      .map((c) => ({ ...c }));
  }

  private recent(): WalletCall[] {
    return this.calls.length > this.limit ? this.calls.slice(-this.limit) : this.calls;
  }
}

function toPredicate(matcher: CallMatcher): (call: WalletCall) => boolean {
  if (typeof matcher === 'function') return matcher;
  return (c) =>
    (matcher.action === undefined || c.action === matcher.action) &&
    (matcher.transactionId === undefined || c.transactionId === matcher.transactionId) &&
    (matcher.moveType === undefined || c.moveType === matcher.moveType) &&
    (matcher.userId === undefined || c.userId === matcher.userId);
}
