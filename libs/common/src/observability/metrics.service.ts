import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The label children of a metric, one per distinct label set, resolved once: prom-client otherwise checks
 * and hashes the label object on every observation, a cost paid on every request. Only for label sets
 * drawn from a small closed set (routes, protocol actions and codes), never from caller input.
 */
export class SeriesCache<T> {
  private readonly children = new Map<string, T>();

  get(key: string, resolve: () => T): T {
    let child = this.children.get(key);
    if (child === undefined) {
      child = resolve();
      this.children.set(key, child);
    }
    return child;
  }
}

/**
 * One Prometheus registry per process (not the global one, so several apps can live in one test process).
 * Modules add their own metrics through `counter`/`histogram`, which return the existing metric on a
 * second call with the same name.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly httpSeries = new SeriesCache<Histogram.Internal<'method' | 'route' | 'status_code'>>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = this.histogram(
      'http_request_duration_seconds',
      'HTTP request latency by route',
      ['method', 'route', 'status_code'],
      [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    );
  }

  /** One answered HTTP request: `route` is the route's pattern, so the label set stays small. */
  observeHttp(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpSeries
      .get(`${method} ${route} ${statusCode}`, () =>
        this.httpDuration.labels({ method, route, status_code: String(statusCode) }),
      )
      .observe(seconds);
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Counter<L>;
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    buckets?: number[],
  ): Histogram<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Histogram<L>;
    return new Histogram<L>({ name, help, labelNames, buckets, registers: [this.registry] });
  }
}
