import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let now = 0;
  const breaker = () => new CircuitBreaker(3, 1000, () => now);

  beforeEach(() => {
    now = 0;
  });

  it('opens after the threshold of consecutive failures and fails fast while open', () => {
    const b = breaker();
    b.onFailure('op');
    b.onFailure('op');
    expect(b.tryAcquire('op')).toBe(true);
    b.onFailure('op');
    expect(b.state('op')).toBe('open');
    expect(b.tryAcquire('op')).toBe(false);
    expect(b.tryAcquire('other')).toBe(true);
  });

  it('a success resets the count', () => {
    const b = breaker();
    b.onFailure('op');
    b.onFailure('op');
    b.onSuccess('op');
    b.onFailure('op');
    expect(b.state('op')).toBe('closed');
  });

  it('lets one trial through after the open period; its success closes, its failure reopens', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.onFailure('op');
    now = 1000;
    expect(b.state('op')).toBe('half-open');
    expect(b.tryAcquire('op')).toBe(true);
    expect(b.tryAcquire('op')).toBe(false);
    b.onFailure('op');
    expect(b.state('op')).toBe('open');
    expect(b.tryAcquire('op')).toBe(false);
    now = 2000;
    expect(b.tryAcquire('op')).toBe(true);
    b.onSuccess('op');
    expect(b.state('op')).toBe('closed');
    expect(b.tryAcquire('op')).toBe(true);
  });
});
