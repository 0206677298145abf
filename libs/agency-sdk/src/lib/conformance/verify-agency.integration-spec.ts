import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from '@temporalio/worker';
import { IsDateString, IsString } from 'class-validator';
import { agencyTaskQueue, type AgencyActivities, type ServiceRequest } from '@passage/contracts';
import { passageDataConverter } from '@passage/temporal';
import { connectTestTemporal, TEST_PAYLOAD_KEYS, type TestTemporal } from '@passage/testing';
import { runAgencyWorker, type AgencyWorker } from '../agency-worker';
import { defineServiceStep } from '../service-step';
import type { ServiceUnderTest } from './probe-requests';
import { formatReport } from './report';
import { PROBE_HEARTBEAT_TIMEOUT_MS, SLOW_PROBE_DELAY_MS, verifyAgency } from './verify-agency';

class PermitInput {
  @IsString() 'person.address'!: string;
  @IsString() 'vehicle.licensePlate'!: string;
}

class PlateInput {
  @IsString() 'vehicle.licensePlate'!: string;
}

class PermitOutput {
  @IsString() 'parking.permitNumber'!: string;
  @IsDateString({ strict: true }) 'parking.validUntil'!: string;
}

class Nothing {}

/** A well-behaved agency: its answer to a key is decided once and kept. */
const permits = new Map<string, string>();
const goodSteps = [
  defineServiceStep({
    agency: 'stad-mechelen',
    service: 'resident-parking-permit',
    input: PermitInput,
    output: PermitOutput,
    handle(_input, ctx) {
      const number = permits.get(ctx.idempotencyKey) ?? `P-${randomUUID().slice(0, 8)}`;
      permits.set(ctx.idempotencyKey, number);
      return ctx.completed({ 'parking.permitNumber': number, 'parking.validUntil': '2026-12-31' });
    },
  }),
  defineServiceStep({
    agency: 'stad-mechelen',
    service: 'resident-parking-permit-cancellation',
    input: PlateInput,
    output: Nothing,
    handle: (_input, ctx) => ctx.completed({}),
  }),
  defineServiceStep({
    agency: 'stad-mechelen',
    service: 'visitor-card',
    input: PlateInput,
    output: Nothing,
    handle: (_input, ctx) =>
      ctx.accepted(`V-${createHash('sha256').update(ctx.idempotencyKey).digest('hex').slice(0, 8)}`),
  }),
];

const permitService: ServiceUnderTest = {
  service: 'resident-parking-permit',
  needs: { 'person.address': { type: 'string' }, 'vehicle.licensePlate': { type: 'string' } },
  produces: { 'parking.permitNumber': { type: 'string' }, 'parking.validUntil': { type: 'date' } },
  sample: { 'person.address': 'Grote Markt 21, 2800 Mechelen', 'vehicle.licensePlate': '1-ABC-123' },
};

/**
 * A deliberately broken agency, written without the SDK: a new permit number on every delivery, no validity date,
 * no heartbeat while slow, no validation (a malformed request crashes it, retryably).
 */
const brokenActivities: AgencyActivities = {
  async performService(request: ServiceRequest) {
    if (request.conformance?.probe === 'slow') await sleep(request.conformance.delayMs ?? 0);
    if (typeof request.items['vehicle.licensePlate'] !== 'string') throw new TypeError('cannot read the licence plate');
    return { outcome: 'completed', outputs: { 'parking.permitNumber': randomUUID() } };
  },
};

describe('verifyAgency on a real Temporal dev server', () => {
  let temporal: TestTemporal;
  let good: AgencyWorker;
  let broken: Worker;
  let brokenRun: Promise<void>;

  beforeAll(async () => {
    temporal = await connectTestTemporal();
    good = await runAgencyWorker({
      agency: 'stad-mechelen',
      steps: goodSteps,
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      payloadKeys: TEST_PAYLOAD_KEYS,
    });
    broken = await Worker.create({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      taskQueue: agencyTaskQueue('broken-agency'),
      dataConverter: passageDataConverter(TEST_PAYLOAD_KEYS),
      activities: brokenActivities,
    });
    brokenRun = broken.run();
  });

  afterAll(async () => {
    broken.shutdown();
    await brokenRun;
    await good.shutdown();
    await temporal.close();
  });

  const verify = (agency: string, services: readonly ServiceUnderTest[]) =>
    verifyAgency({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      payloadKeys: TEST_PAYLOAD_KEYS,
      agency,
      services,
    });

  it('passes an agency built with the SDK, on every check of every service', async () => {
    const report = await verify('stad-mechelen', [
      permitService,
      {
        service: 'resident-parking-permit-cancellation',
        kind: 'compensate',
        needs: { 'vehicle.licensePlate': { type: 'string' } },
        produces: {},
      },
      { service: 'visitor-card', needs: { 'vehicle.licensePlate': { type: 'string' } }, produces: {} },
    ]);
    expect(report.checks.filter((c) => !c.passed)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.checks.map((c) => `${c.service} ${c.check}`)).toEqual([
      '* reachable',
      ...['resident-parking-permit', 'resident-parking-permit-cancellation', 'visitor-card'].flatMap((s) =>
        ['happy-path', 'duplicate', 'slow', 'incomplete', 'malformed'].map((c) => `${s} ${c}`),
      ),
    ]);
    const slow = report.checks.find((c) => c.service === 'resident-parking-permit' && c.check === 'slow');
    expect(slow?.ms).toBeGreaterThanOrEqual(SLOW_PROBE_DELAY_MS);
    expect(formatReport(report)).toContain('stad-mechelen: PASSED (16 of 16 checks passed');
  });

  it('fails a broken agency with a report that says what to fix', async () => {
    const report = await verify('broken-agency', [permitService]);
    const detail = Object.fromEntries(report.checks.map((c) => [c.check, c]));
    expect(report.passed).toBe(false);
    expect(detail['reachable']?.passed).toBe(true);
    expect(detail['happy-path']).toMatchObject({
      passed: false,
      detail: 'completed, but parking.validUntil is missing',
    });
    expect(detail['duplicate']).toMatchObject({
      passed: false,
      detail: expect.stringContaining('other outputs (parking.permitNumber)'),
    });
    expect(detail['slow']).toMatchObject({
      passed: false,
      detail: expect.stringContaining(`no heartbeat within ${PROBE_HEARTBEAT_TIMEOUT_MS} ms`),
    });
    expect(detail['incomplete']).toMatchObject({
      passed: false,
      detail: 'completed without the needed item person.address: answer rejected with a reason',
    });
    expect(detail['malformed']).toMatchObject({
      passed: false,
      detail: expect.stringContaining('failed retryably 3 times (TypeError)'),
    });
    const table = formatReport(report);
    expect(table).toContain('broken-agency: FAILED (1 of 6 checks passed');
    expect(table).toMatch(/FAIL\s+resident-parking-permit\s+duplicate/);
  });

  it('reports an agency nobody serves in one line, without waiting for every check to time out', async () => {
    const report = await verify('nobody-home', [permitService]);
    expect(report).toMatchObject({
      passed: false,
      checks: [
        {
          service: '*',
          check: 'reachable',
          passed: false,
          detail: expect.stringContaining('nothing polls agency-nobody-home'),
        },
      ],
    });
  });
});
