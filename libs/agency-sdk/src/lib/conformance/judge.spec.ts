import type { ServiceOutcome } from '@passage/contracts';
import { judgeDuplicate, judgeHappyPath, judgeIncomplete, judgeMalformed, judgeSlow, type Delivery } from './judge';
import type { ProbeFailure } from './probe.workflow';
import type { ServiceUnderTest } from './probe-requests';

const service: ServiceUnderTest = {
  service: 'resident-parking-permit',
  needs: { 'vehicle.licensePlate': { type: 'string' } },
  produces: {
    'parking.permitNumber': { type: 'string' },
    'parking.validUntil': { type: 'date' },
    'parking.zone': { type: 'enum', values: ['A', 'B'] },
  },
};

const answered = (outcome: ServiceOutcome, attempts = 1): Delivery => ({
  answer: { kind: 'outcome', outcome },
  attempts,
});
const failed = (failure: Partial<ProbeFailure>, attempts = 1): Delivery => ({
  answer: { kind: 'failure', failure: { message: 'boom', nonRetryable: false, ...failure } },
  attempts,
});
const completed = (outputs: Record<string, string>) => answered({ outcome: 'completed', outputs });
const good = { 'parking.permitNumber': 'P-1', 'parking.validUntil': '2026-12-31', 'parking.zone': 'A' };

describe('conformance verdicts', () => {
  it('happy path: every produced item with its type, or accepted', () => {
    expect(judgeHappyPath(service, completed(good))).toEqual({
      passed: true,
      detail: 'completed with parking.permitNumber, parking.validUntil, parking.zone',
    });
    expect(judgeHappyPath(service, answered({ outcome: 'accepted', reference: 'C-1' })).passed).toBe(true);
    const wrong = judgeHappyPath(
      service,
      completed({ 'parking.permitNumber': 'P-1', 'parking.validUntil': '31/12/2026', 'parking.zone': 'Z' }),
    );
    expect(wrong).toEqual({
      passed: false,
      detail: 'completed, but parking.validUntil is not a date; parking.zone is not one of A, B',
    });
    expect(judgeHappyPath(service, completed({ 'parking.permitNumber': 'P-1' })).detail).toContain(
      'parking.validUntil is missing',
    );
    expect(judgeHappyPath(service, answered({ outcome: 'rejected', reason: 'no' })).detail).toContain(
      'rejected a valid request',
    );
    expect(judgeHappyPath(service, failed({ timeout: 'START_TO_CLOSE' }, 3))).toEqual({
      passed: false,
      detail: 'gave no answer in time (START_TO_CLOSE timeout) (after 3 attempts)',
    });
  });

  it('duplicate: the same key answers the same', () => {
    expect(judgeDuplicate(completed(good), completed(good)).passed).toBe(true);
    const other = judgeDuplicate(completed(good), completed({ ...good, 'parking.permitNumber': 'P-2' }));
    expect(other).toEqual({ passed: false, detail: expect.stringContaining('other outputs (parking.permitNumber)') });
    expect(
      judgeDuplicate(
        answered({ outcome: 'accepted', reference: 'A' }),
        answered({ outcome: 'accepted', reference: 'B' }),
      ).passed,
    ).toBe(false);
    expect(judgeDuplicate(completed(good), answered({ outcome: 'rejected', reason: 'already done' })).detail).toContain(
      'completed, then rejected',
    );
    expect(judgeDuplicate(completed(good), failed({ type: 'AlreadyProcessed', nonRetryable: true })).detail).toContain(
      'second delivery',
    );
  });

  it('slow: answers after the delay, heartbeating', () => {
    expect(judgeSlow(completed(good), 6100, 6000, 2000).passed).toBe(true);
    expect(judgeSlow(failed({ timeout: 'HEARTBEAT' }), 2100, 6000, 2000)).toEqual({
      passed: false,
      detail: expect.stringContaining('no heartbeat within 2000 ms'),
    });
    expect(judgeSlow(completed(good), 40, 6000, 2000).detail).toContain('before the probe');
  });

  it('incomplete: a rejection with a reason, not a failure', () => {
    expect(
      judgeIncomplete(answered({ outcome: 'rejected', reason: 'missing plate' }), 'vehicle.licensePlate').passed,
    ).toBe(true);
    expect(judgeIncomplete(answered({ outcome: 'rejected', reason: ' ' }), 'vehicle.licensePlate').passed).toBe(false);
    expect(
      judgeIncomplete(failed({ type: 'InvalidServiceRequest', nonRetryable: true }), 'vehicle.licensePlate').detail,
    ).toContain('instead of rejecting');
    expect(judgeIncomplete(completed(good), 'vehicle.licensePlate').detail).toBe(
      'completed without the needed item vehicle.licensePlate: answer rejected with a reason',
    );
  });

  it('malformed: fail non-retryably or reject, at most one retry, never complete', () => {
    expect(
      judgeMalformed(failed({ type: 'InvalidServiceRequest', nonRetryable: true, retryState: 'NON_RETRYABLE_FAILURE' }))
        .passed,
    ).toBe(true);
    expect(judgeMalformed(failed({ type: 'InvalidServiceRequest', nonRetryable: true }, 2)).passed).toBe(true);
    expect(judgeMalformed(answered({ outcome: 'rejected', reason: 'bad data' })).passed).toBe(true);
    expect(judgeMalformed(failed({ type: 'TypeError', retryState: 'MAXIMUM_ATTEMPTS_REACHED' }, 3)).detail).toContain(
      'failed retryably 3 times (TypeError)',
    );
    expect(judgeMalformed(completed(good)).passed).toBe(false);
    expect(judgeMalformed(answered({ outcome: 'accepted' })).passed).toBe(false);
  });
});
