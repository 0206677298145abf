import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { IsString } from 'class-validator';
import type { ServiceRequest } from '@passage/contracts';
import { connectTestTemporal, TEST_PAYLOAD_KEY_SPEC, TEST_PAYLOAD_KEYS, type TestTemporal } from '@passage/testing';
import { passageDataConverter } from '@passage/temporal';
import { runAgencyWorker, type AgencyWorker } from './agency-worker';
import { probeWorkflowBundle } from './conformance/probe-bundle';
import type { conformanceProbe, ProbeAnswer, ProbeInput } from './conformance/probe.workflow';
import { defineServiceStep } from './service-step';

class PlateInput {
  @IsString() 'vehicle.licensePlate'!: string;
}

class PermitOutput {
  @IsString() 'parking.permitNumber'!: string;
}

const AGENCY = 'stad-mechelen';
const seenItems: string[][] = [];
const attemptsByKey = new Map<string, number>();
const resumedFrom: unknown[] = [];

const permit = defineServiceStep({
  agency: AGENCY,
  service: 'resident-parking-permit',
  input: PlateInput,
  output: PermitOutput,
  async handle(input, ctx) {
    seenItems.push(Object.keys(input));
    const attempt = (attemptsByKey.get(ctx.idempotencyKey) ?? 0) + 1;
    attemptsByKey.set(ctx.idempotencyKey, attempt);
    switch (input['vehicle.licensePlate']) {
      case 'SLOW':
        // Longer than three heartbeat timeouts, with no heartbeat of its own: the SDK keeps the call alive.
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        break;
      case 'BAD-OUTPUT':
        return ctx.completed({ 'parking.permitNumber': 42 as unknown as string });
      case 'FLAKY':
        if (attempt === 1) {
          ctx.heartbeat({ filed: 'MEC-1' });
          ctx.retryLater('the permit register is restarting', 0.1);
        }
        resumedFrom.push(ctx.heartbeatDetails);
        break;
    }
    return ctx.completed({ 'parking.permitNumber': `P-${input['vehicle.licensePlate']}` });
  },
});

function request(plate: string, overrides: Partial<ServiceRequest> = {}): ServiceRequest {
  const journeyId = `test-${randomUUID()}`;
  return {
    journeyId,
    stepId: 'parking-permit',
    lifeEvent: { id: 'parking-permit', version: 1 },
    agency: AGENCY,
    service: 'resident-parking-permit',
    kind: 'perform',
    idempotencyKey: `${journeyId}:parking-permit:1`,
    items: { 'vehicle.licensePlate': plate, 'person.name': 'Ada' },
    language: 'en',
    proactive: false,
    ...overrides,
  };
}

describe('runAgencyWorker on a real Temporal dev server', () => {
  let temporal: TestTemporal;
  let agency: AgencyWorker;
  let caller: Worker;
  let callerRun: Promise<void>;
  const callerQueue = `agency-worker-spec-${randomUUID()}`;

  beforeAll(async () => {
    temporal = await connectTestTemporal();
    agency = await runAgencyWorker({
      agency: AGENCY,
      steps: [permit],
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      payloadKeys: TEST_PAYLOAD_KEY_SPEC,
    });
    // The conformance kit's probe workflow calls performService like the engine does, with options of our choosing.
    caller = await Worker.create({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      taskQueue: callerQueue,
      workflowBundle: await probeWorkflowBundle(),
      dataConverter: passageDataConverter(TEST_PAYLOAD_KEYS),
    });
    callerRun = caller.run();
  });

  afterAll(async () => {
    caller.shutdown();
    await callerRun;
    await agency.shutdown();
    await temporal.close();
  });

  async function call(req: ServiceRequest, options: Partial<ProbeInput> = {}): Promise<ProbeAnswer> {
    const [answer] = await temporal.client.workflow.execute<typeof conformanceProbe>('conformanceProbe', {
      workflowId: req.journeyId,
      taskQueue: callerQueue,
      args: [
        {
          taskQueue: agency.taskQueue,
          request: req,
          deliveries: 1,
          startToCloseTimeoutMs: 20_000,
          heartbeatTimeoutMs: 10_000,
          maximumAttempts: 3,
          ...options,
        },
      ],
    });
    if (!answer) throw new Error('no answer');
    return answer;
  }

  it('serves performService on agency-<id>, handing the step only its declared items', async () => {
    expect(agency.taskQueue).toBe('agency-stad-mechelen');
    expect(await call(request('1-ABC-123'))).toEqual({
      kind: 'outcome',
      outcome: { outcome: 'completed', outputs: { 'parking.permitNumber': 'P-1-ABC-123' } },
    });
    expect(seenItems.at(-1)).toEqual(['vehicle.licensePlate']);
  });

  it('heartbeats on its own while a long handler runs', async () => {
    const answer = await call(request('SLOW'), { heartbeatTimeoutMs: 800, maximumAttempts: 1 });
    expect(answer).toEqual({
      kind: 'outcome',
      outcome: { outcome: 'completed', outputs: { 'parking.permitNumber': 'P-SLOW' } },
    });
  });

  it('fails invalid outputs and unknown services non-retryably, after one attempt', async () => {
    const bad = request('BAD-OUTPUT');
    expect(await call(bad)).toMatchObject({
      kind: 'failure',
      failure: {
        type: 'InvalidServiceOutput',
        nonRetryable: true,
        message: expect.stringContaining('parking.permitNumber'),
      },
    });
    expect(attemptsByKey.get(bad.idempotencyKey)).toBe(1);
    expect(await call(request('1-ABC-123', { service: 'dog-licence' }))).toMatchObject({
      kind: 'failure',
      failure: { type: 'UnknownService', nonRetryable: true },
    });
    expect(await call(request('1-ABC-123', { items: { 'vehicle.licensePlate': 7 } }))).toMatchObject({
      kind: 'failure',
      failure: { type: 'InvalidServiceRequest', nonRetryable: true },
    });
  });

  it('lets Temporal retry when the handler asks to retry later, resuming from its last heartbeat', async () => {
    const flaky = request('FLAKY');
    expect(await call(flaky)).toMatchObject({ kind: 'outcome', outcome: { outcome: 'completed' } });
    expect(attemptsByKey.get(flaky.idempotencyKey)).toBe(2);
    expect(resumedFrom).toEqual([{ filed: 'MEC-1' }]);
  });

  it('stops on shutdown, and run() then resolves', async () => {
    const lier = defineServiceStep({
      agency: 'stad-lier',
      service: 'resident-parking-permit',
      input: PlateInput,
      output: PermitOutput,
      handle: (_input, ctx) => ctx.accepted(),
    });
    const second = await runAgencyWorker({
      agency: 'stad-lier',
      steps: [lier],
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      payloadKeys: TEST_PAYLOAD_KEYS,
    });
    await second.shutdown();
    await expect(second.run()).resolves.toBeUndefined();
  });
});
