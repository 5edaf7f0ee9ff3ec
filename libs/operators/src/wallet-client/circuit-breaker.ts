/**
 * Per-key circuit breaker: after `threshold` consecutive failures calls fail fast for `openMs`; then one
 * trial call is let through (half-open): success closes the breaker, failure opens it again.
 * In-process state: it protects this process's callers and the operator; it is not needed for correctness.
 */
export class CircuitBreaker {
  private readonly states = new Map<
    string,
    { failures: number; openUntil: number; trialInFlight: boolean }
  >();

  constructor(
    private readonly threshold: number,
    private readonly openMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a call may go out now. A half-open breaker lets exactly one trial through. */
  tryAcquire(key: string): boolean {
    const s = this.states.get(key);
    if (!s || s.failures < this.threshold) return true;
    if (this.now() < s.openUntil || s.trialInFlight) return false;
    s.trialInFlight = true;
    return true;
  }

  onSuccess(key: string): void {
    this.states.delete(key);
  }

  onFailure(key: string): void {
    const s = this.states.get(key) ?? { failures: 0, openUntil: 0, trialInFlight: false };
    s.failures += 1;
    s.trialInFlight = false;
    if (s.failures >= this.threshold) s.openUntil = this.now() + this.openMs;
    this.states.set(key, s);
  }

  state(key: string): 'closed' | 'open' | 'half-open' {
    const s = this.states.get(key);
    if (!s || s.failures < this.threshold) return 'closed';
    return this.now() < s.openUntil ? 'open' : 'half-open';
  }
}
