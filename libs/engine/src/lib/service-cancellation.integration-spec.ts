import { Context } from '@temporalio/activity';
import { CancelledFailure } from '@temporalio/common';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import { Worker, type NativeConnection } from '@temporalio/worker';
import type { Client, WorkflowHandle } from '@temporalio/client';
import {
  agencyTaskQueue,
  ENGINE_TASK_QUEUE,
  journeyWorkflowId,
  withdrawUpdate,
  workflowTypeFor,
  type Actor,
  type AgencyActivities,
  type JourneyInput,
  type JourneyResult,
  type JourneyState,
  type ServiceRequest,
} from '@passage/contracts';
import { defineLifeEvent, type LifeEventDefinition, type StatutoryTerm } from '@passage/journey-model';
import { passageDataConverter, queryJourney } from '@passage/temporal';
import {
  connectTestTemporal,
  createTestDatabase,
  snapshotOf,
  testStep,
  texts,
  TEST_PAYLOAD_KEYS,
  type TestDatabase,
  type TestTemporal,
} from '@passage/testing';
import { createEngineWorker } from './engine-worker';

const citizen: Actor = { id: 'subject-c', role: 'citizen' };
/** Long enough that no timeout of a held call fires, also when the test server skips days. */
const PATIENT = { serviceCallTimeoutSeconds: 30 * 86_400, serviceHeartbeatTimeoutSeconds: 10 * 86_400 };

/**
 * Agencies whose calls stay open, heartbeating, until the test releases them or the journey cancels them. Calls are
 * known by journey and step (`<journeyId>/<stepId>`).
 */
class HeldAgencies {
  private readonly ended = new Map<string, 'cancelled' | 'released'>();
  private readonly releases = new Map<string, () => void>();
  private worker?: { stop(): Promise<void> };

  async start(connection: NativeConnection, namespace: string, agencies: readonly string[]): Promise<void> {
    const workers = await Promise.all(
      agencies.map((agency) =>
        Worker.create({
          connection,
          namespace,
          taskQueue: agencyTaskQueue(agency),
          dataConverter: passageDataConverter(TEST_PAYLOAD_KEYS),
          // Cancellation reaches an activity with a heartbeat's answer: heartbeat often.
          maxHeartbeatThrottleInterval: '100 ms',
          activities: {
            performService: (request) => this.hold(callKey(request.journeyId, request.stepId)),
          } satisfies AgencyActivities,
        }),
      ),
    );
    const running = workers.map((worker) => worker.run());
    this.worker = {
      stop: async () => {
        for (const worker of workers) worker.shutdown();
        await Promise.all(running);
      },
    };
  }

  stop(): Promise<void> {
    return this.worker?.stop() ?? Promise.resolve();
  }

  release(journeyId: string, stepId: string): void {
    const release = this.releases.get(callKey(journeyId, stepId));
    if (!release) throw new Error(`no call of ${stepId} is held`);
    release();
  }

  isHeld(journeyId: string, stepId: string): boolean {
    const key = callKey(journeyId, stepId);
    return this.releases.has(key) && !this.ended.has(key);
  }

  /** How each call of the journey ended, by step. */
  endings(journeyId: string): Record<string, 'cancelled' | 'released'> {
    const prefix = callKey(journeyId, '');
    return Object.fromEntries(
      [...this.ended].filter(([key]) => key.startsWith(prefix)).map(([key, how]) => [key.slice(prefix.length), how]),
    );
  }

  private async hold(key: string) {
    const context = Context.current();
    let released = false;
    this.releases.set(key, () => (released = true));
    try {
      for (let beat = 0; beat < 600 && !released; beat++) {
        context.heartbeat();
        await context.sleep(100);
      }
    } catch (error) {
      if (error instanceof CancelledFailure) this.ended.set(key, 'cancelled');
      throw error;
    }
    if (!released) throw new Error(`${key} was held for a minute without an answer`);
    this.ended.set(key, 'released');
    return { outcome: 'completed' as const, outputs: {} };
  }
}

const callKey = (journeyId: string, stepId: string) => `${journeyId}/${stepId}`;

/** Two automatic steps at once, `timed` with a statutory term of its own; `after` follows both. */
function heldLifeEvent(id: string, term?: StatutoryTerm): LifeEventDefinition {
  return defineLifeEvent({
    id,
    version: 1,
    kind: 'life',
    owner: 'test-owner',
    title: texts('Held calls'),
    summary: texts('Service calls that stay open'),
    dataItems: {
      'person.name': { type: 'string', label: texts('Name') },
      'application.date': { type: 'date', label: texts('Application date') },
    },
    intake: ['person.name', 'application.date'],
    steps: [
      testStep('timed', { agency: `${id}-x`, mode: 'automatic', needs: ['person.name'], term }),
      testStep('untimed', { agency: `${id}-y`, mode: 'automatic', needs: ['person.name'] }),
      testStep('after', { agency: `${id}-y`, mode: 'automatic', needs: [], dependsOn: ['timed', 'untimed'] }),
    ],
  });
}

let journeys = 0;

function startHeld(client: Client, definition: LifeEventDefinition, taskQueue: string): Promise<WorkflowHandle> {
  const snapshot = snapshotOf(definition);
  const journeyId = journeyWorkflowId(snapshot.id, `00000000-0000-4000-9000-${String(++journeys).padStart(12, '0')}`);
  const input: JourneyInput = {
    journeyId,
    snapshot,
    subject: citizen.id,
    language: 'nl',
    channel: 'online',
    startedBy: citizen,
    data: { 'person.name': 'Ada', 'application.date': '2020-01-06' },
    provenance: { 'person.name': { kind: 'intake' }, 'application.date': { kind: 'intake' } },
    settings: PATIENT,
  };
  return client.workflow.start(workflowTypeFor(snapshot.id), { workflowId: journeyId, taskQueue, args: [input] });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

const statusOf = (state: JourneyState, stepId: string) => state.steps.find((step) => step.id === stepId)?.status;

describe('service calls in flight on a real Temporal dev server', () => {
  let temporal: TestTemporal;
  let db: TestDatabase;
  let engine: Worker;
  let engineRun: Promise<void>;
  const held = new HeldAgencies();
  const definition = heldLifeEvent('test-held');
  // Counted from a date long past: the term expires as soon as the step is dispatched, while its call is open.
  const expiring = heldLifeEvent('test-held-term', {
    days: 2,
    unit: 'calendar',
    kind: 'authority-decision',
    from: 'date:application.date',
    onExpiry: 'tacit-approval',
  });

  beforeAll(async () => {
    temporal = await connectTestTemporal();
    db = await createTestDatabase();
    engine = await createEngineWorker({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      dataSource: db.dataSource,
      payloadKeys: TEST_PAYLOAD_KEYS,
      vaultKeys: TEST_PAYLOAD_KEYS,
    });
    engineRun = engine.run();
    await held.start(temporal.nativeConnection, temporal.namespace, [
      'test-held-x',
      'test-held-y',
      'test-held-term-x',
      'test-held-term-y',
    ]);
  });

  afterAll(async () => {
    await held.stop();
    engine.shutdown();
    await engineRun;
    await db.drop();
    await temporal.close();
  });

  it('cancels every call in flight when the subject withdraws', async () => {
    const handle = await startHeld(temporal.client, definition, ENGINE_TASK_QUEUE);
    const id = handle.workflowId;
    await until('both calls are held', async () =>
      held.isHeld(id, 'timed') && held.isHeld(id, 'untimed') ? true : undefined,
    );

    const receipt = await handle.executeUpdate(withdrawUpdate, {
      args: [{ idempotencyKey: 'withdraw-held', actor: citizen, reason: 'changed my mind' }],
    });
    expect(receipt.result).toBe('applied');
    const result: JourneyResult = await handle.result();
    expect(result.status).toBe('withdrawn');
    expect(result.steps.map((step) => step.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    await until('both agencies saw the cancellation', async () =>
      Object.keys(held.endings(id)).length === 2 ? true : undefined,
    );
    expect(held.endings(id)).toEqual({ timed: 'cancelled', untimed: 'cancelled' });
  });

  it('approves tacitly and cancels that call alone; the other call goes on and the journey completes', async () => {
    const handle = await startHeld(temporal.client, expiring, ENGINE_TASK_QUEUE);
    const id = handle.workflowId;
    const expired = await until('the term expired', async () => {
      const state = await queryJourney(handle);
      return statusOf(state, 'timed') === 'expired' ? state : undefined;
    });
    expect(statusOf(expired, 'untimed')).toBe('dispatched');
    await until('the untimed call is held', async () => (held.isHeld(id, 'untimed') ? true : undefined));

    const cancelRequests = await cancelRequestedActivities(handle);
    expect(cancelRequests).toEqual(['timed']);
    expect(held.endings(id).untimed).toBeUndefined();

    held.release(id, 'untimed');
    await until('the step after both is called', async () => (held.isHeld(id, 'after') ? true : undefined));
    held.release(id, 'after');
    const result: JourneyResult = await handle.result();
    expect(result.status).toBe('completed');
    expect(result.steps).toEqual([
      { id: 'timed', status: 'expired' },
      { id: 'untimed', status: 'completed' },
      { id: 'after', status: 'completed' },
    ]);
    expect(held.endings(id).untimed).toBe('released');
    expect(await cancelRequestedActivities(handle)).toEqual(['timed']);
  });
});

/** The steps whose service call the journey asked Temporal to cancel, from its history. */
async function cancelRequestedActivities(handle: WorkflowHandle): Promise<string[]> {
  const events = (await handle.fetchHistory()).events ?? [];
  const converter = handle.client.options.loadedDataConverter;
  const stepOfActivity = new Map<string, string>();
  for (const event of events) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name !== 'performService') continue;
    const request = await decodeFromPayloadsAtIndex<ServiceRequest>(converter, 0, scheduled.input?.payloads);
    stepOfActivity.set(String(event.eventId), request.stepId);
  }
  return events.flatMap((event) => {
    const requested = event.activityTaskCancelRequestedEventAttributes;
    return requested ? [stepOfActivity.get(String(requested.scheduledEventId)) ?? 'unknown'] : [];
  });
}
