import { formatReport } from './report';

describe('formatReport', () => {
  it('prints a pass/fail table with the verdict first', () => {
    const text = formatReport({
      agency: 'stad-mechelen',
      passed: false,
      startedAt: '2026-05-04T10:00:00.000Z',
      checks: [
        { service: '*', check: 'reachable', passed: true, detail: 'agency-stad-mechelen has 1 poller', ms: 12 },
        {
          service: 'resident-parking-permit',
          check: 'duplicate',
          passed: false,
          detail: 'other outputs (parking.permitNumber)',
          ms: 1480,
        },
      ],
    });
    expect(text.split('\n')).toEqual([
      'Passage conformance report for agency stad-mechelen: FAILED (1 of 2 checks passed, 2026-05-04T10:00:00.000Z)',
      '',
      'result  service                  check         time  detail',
      '------  -----------------------  ---------  -------  ------',
      'PASS    *                        reachable    12 ms  agency-stad-mechelen has 1 poller',
      'FAIL    resident-parking-permit  duplicate  1480 ms  other outputs (parking.permitNumber)',
      '',
    ]);
  });
});
