import { CircuitBreaker } from './circuit-breaker';

describe('circuit breaker', () => {
  let now = 0;
  const breaker = () => new CircuitBreaker({ failureThreshold: 3, coolDownMs: 10_000 }, 30_000, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  function fail(b: CircuitBreaker, times: number) {
    for (let i = 0; i < times; i++) {
      const admission = b.admit();
      if (!admission.admitted) throw new Error('refused');
      b.report('unavailable', admission.probe);
    }
  }

  it('opens after consecutive failures and refuses calls for the rest of the cool-down', () => {
    const b = breaker();
    fail(b, 2);
    expect(b.admit()).toEqual({ admitted: true, probe: false });
    b.report('unavailable', false);
    now += 4000;
    expect(b.admit()).toEqual({ admitted: false, retryInMs: 6000 });
  });

  it('a success in between resets the count', () => {
    const b = breaker();
    fail(b, 2);
    b.report('available', false);
    fail(b, 2);
    expect(b.admit().admitted).toBe(true);
  });

  it('lets one probe through when half-open: success closes, failure opens again', () => {
    const b = breaker();
    fail(b, 3);
    now += 10_000;
    const probe = b.admit();
    expect(probe).toEqual({ admitted: true, probe: true });
    expect(b.admit()).toMatchObject({ admitted: false });
    b.report('unavailable', true);
    expect(b.admit()).toEqual({ admitted: false, retryInMs: 10_000 });

    now += 10_000;
    b.admit();
    b.report('available', true);
    expect(b.admit()).toEqual({ admitted: true, probe: false });
  });

  it('frees the probe when it ends without news (cancelled), and gives up on a probe that never reports', () => {
    const b = breaker();
    fail(b, 3);
    now += 10_000;
    b.admit();
    b.report('unknown', true);
    expect(b.admit()).toEqual({ admitted: true, probe: true });
    now += 30_000;
    expect(b.admit()).toEqual({ admitted: true, probe: true });
  });
});
