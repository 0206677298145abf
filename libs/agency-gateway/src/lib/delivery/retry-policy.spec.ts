import { backoffPolicyOf } from './retry-policy';

describe('backoffPolicyOf', () => {
  it('takes the activity’s retry policy, and the engine’s defaults where Temporal sent none', () => {
    expect(backoffPolicyOf({ initialInterval: 200, backoffCoefficient: 3, maximumInterval: 5000 })).toEqual({
      initialMs: 200,
      coefficient: 3,
      maximumMs: 5000,
    });
    expect(backoffPolicyOf(undefined)).toEqual({ initialMs: 1000, coefficient: 2, maximumMs: 300_000 });
  });
});
