import { Injectable } from '@nestjs/common';
import { MetricsService, SeriesCache } from '@app/common';
import type { Counter, Histogram } from 'prom-client';

type CallLabel = 'protocol' | 'action' | 'outcome';

/**
 * `/metrics` for provider callbacks: `protocol_callbacks_total{protocol,action,outcome}` and
 * `protocol_callback_duration_seconds{protocol,action}`. `outcome` is `ok` or the protocol's own error
 * code, so a dashboard shows e.g. how many slotegrator bets were INSUFFICIENT_BALANCE.
 */
@Injectable()
export class ProtocolMetrics {
  private readonly calls: Counter<CallLabel>;
  private readonly duration: Histogram<'protocol' | 'action'>;
  private readonly series = new SeriesCache<{
    calls: Counter.Internal;
    duration: Histogram.Internal<'protocol' | 'action'>;
  }>();

  constructor(metrics: MetricsService) {
    this.calls = metrics.counter(
      'protocol_callbacks_total',
      'Provider callbacks by protocol, action and outcome',
      ['protocol', 'action', 'outcome'],
    );
    this.duration = metrics.histogram(
      'protocol_callback_duration_seconds',
      'Provider callback handling time by protocol and action',
      ['protocol', 'action'],
      [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    );
  }

  /** Records one handled callback; `startedAt` from `process.hrtime.bigint()`. */
  record(protocol: string, action: string, outcome: string, startedAt: bigint): void {
    // Actions and outcomes are the protocols' own fixed codes: a closed set of label values.
    const series = this.series.get(`${protocol}|${action}|${outcome}`, () => ({
      calls: this.calls.labels({ protocol, action, outcome }),
      duration: this.duration.labels({ protocol, action }),
    }));
    series.calls.inc();
    series.duration.observe(Number(process.hrtime.bigint() - startedAt) / 1e9);
  }
}
