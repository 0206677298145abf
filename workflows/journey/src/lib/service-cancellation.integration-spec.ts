import { Context } from '@temporalio/activity';
import { CancelledFailure } from '@temporalio/common';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import { Worker, type NativeConnection } from '@temporalio/worker';
import type { Client, WorkflowHandle } from '@temporalio/client';
import {
  agencyTaskQueue,
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
import { passageDataConverter } from '@passage/temporal';
import { journeyReaches, snapshotOf, testStep, texts, TEST_PAYLOAD_KEYS, waitFor } from '@passage/testing';
import { startJourneyTestBed, type JourneyTestBed } from '../testing';

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

const statusOf = (state: JourneyState, stepId: string) => state.steps.find((step) => step.id === stepId)?.status;

describe('service calls in flight on a real Temporal dev server', () => {
  let bed: JourneyTestBed;
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
    bed = await startJourneyTestBed();
    await held.start(bed.temporal.nativeConnection, bed.temporal.namespace, [
      'test-held-x',
      'test-held-y',
      'test-held-term-x',
      'test-held-term-y',
    ]);
  });

  afterAll(async () => {
    await held.stop();
    await bed?.stop();
  });

  it('cancels every call in flight when the subject withdraws', async () => {
    const handle = await startHeld(bed.temporal.client, definition, bed.taskQueue);
    const id = handle.workflowId;
    await waitFor('both calls are held', () => (held.isHeld(id, 'timed') && held.isHeld(id, 'untimed')) || undefined);

    const receipt = await handle.executeUpdate(withdrawUpdate, {
      args: [{ idempotencyKey: 'withdraw-held', actor: citizen, reason: 'changed my mind' }],
    });
    expect(receipt.result).toBe('applied');
    const result: JourneyResult = await handle.result();
    expect(result.status).toBe('withdrawn');
    expect(result.steps.map((step) => step.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    await waitFor('both agencies saw the cancellation', () => Object.keys(held.endings(id)).length === 2 || undefined);
    expect(held.endings(id)).toEqual({ timed: 'cancelled', untimed: 'cancelled' });
  });

  it('approves tacitly and cancels that call alone; the other call goes on and the journey completes', async () => {
    const handle = await startHeld(bed.temporal.client, expiring, bed.taskQueue);
    const id = handle.workflowId;
    const expired = await journeyReaches(handle, (state) => statusOf(state, 'timed') === 'expired', 'the term expired');
    expect(statusOf(expired, 'untimed')).toBe('dispatched');
    await waitFor('the untimed call is held', () => held.isHeld(id, 'untimed') || undefined);

    const cancelRequests = await cancelRequestedActivities(handle);
    expect(cancelRequests).toEqual(['timed']);
    expect(held.endings(id).untimed).toBeUndefined();

    held.release(id, 'untimed');
    await waitFor('the step after both is called', () => held.isHeld(id, 'after') || undefined);
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
