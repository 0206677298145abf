import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { agencyTaskQueue } from '@passage/contracts';
import { dataConverterOf, type PayloadEncryption } from '../payload-encryption';
import {
  judgeDuplicate,
  judgeHappyPath,
  judgeIncomplete,
  judgeMalformed,
  judgeSlow,
  type Delivery,
  type Verdict,
} from './judge';
import { probeWorkflowBundle } from './probe-bundle';
import { CHECKS, itemsFor, probeRequest, type CheckName, type ServiceUnderTest } from './probe-requests';
import type { conformanceProbe, ProbeInput } from './probe.workflow';
import type { ConformanceCheck, ConformanceReport } from './report';

export type VerifyAgencyOptions = PayloadEncryption & {
  readonly connection: NativeConnection;
  readonly namespace?: string;
  readonly agency: string;
  readonly services: readonly ServiceUnderTest[];
  /** Budget of one answer (besides the slow probe's delay). Default: 30 s. */
  readonly timeoutMs?: number;
};

/**
 * Short, so that the slow probe proves heartbeats in seconds (the engine's own timeout is a minute), yet long enough
 * that a busy machine's scheduling delays are not mistaken for a missing heartbeat.
 */
export const PROBE_HEARTBEAT_TIMEOUT_MS = 4_000;
export const SLOW_PROBE_DELAY_MS = 3 * PROBE_HEARTBEAT_TIMEOUT_MS;
const DEFAULT_TIMEOUT_MS = 30_000;
/** A worker started just before the kit may take a moment to show up as a poller. */
const REACHABLE_WAIT_MS = 5_000;

/**
 * Runs the five conformance checks for each service against whatever serves `agency-<agency>` (an SDK worker, or
 * Passage's webhook adapter in front of a webhook), through a probe workflow on a short-lived worker of its own.
 */
export async function verifyAgency(options: VerifyAgencyOptions): Promise<ConformanceReport> {
  if (options.services.length === 0) throw new Error(`no services of ${options.agency} to verify`);
  const startedAt = new Date().toISOString();
  const namespace = options.namespace ?? 'default';
  const dataConverter = dataConverterOf(options);
  const client = new Client({ connection: options.connection, namespace, dataConverter });
  const agencyQueue = agencyTaskQueue(options.agency);
  const reachable = await timed(() => checkReachable(client, namespace, agencyQueue));
  const checks: ConformanceCheck[] = [{ service: '*', check: 'reachable', ...reachable }];
  if (reachable.passed) {
    const kitQueue = `passage-conformance-${randomUUID()}`;
    const worker = await Worker.create({
      connection: options.connection,
      namespace,
      taskQueue: kitQueue,
      workflowBundle: await probeWorkflowBundle(),
      dataConverter,
    });
    const probe = new Prober(client, kitQueue, options.agency, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const results = await worker.runUntil(
      Promise.all(
        options.services.flatMap((service) =>
          CHECKS.map(async (check) => ({
            service: service.service,
            check,
            ...(await timed(() => probe.run(check, service))),
          })),
        ),
      ),
    );
    checks.push(...results);
  }
  return { agency: options.agency, passed: checks.every((c) => c.passed), startedAt, checks };
}

async function checkReachable(client: Client, namespace: string, taskQueue: string): Promise<Verdict> {
  const deadline = Date.now() + REACHABLE_WAIT_MS;
  for (;;) {
    const { pollers } = await client.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
    });
    if (pollers.length > 0)
      return { passed: true, detail: `${taskQueue} has ${pollers.length} poller${pollers.length === 1 ? '' : 's'}` };
    if (Date.now() > deadline)
      return {
        passed: false,
        detail: `nothing polls ${taskQueue} in namespace ${namespace}: start the agency's worker (or its webhook adapter) first`,
      };
    await sleep(250);
  }
}

/** Runs one check as a probe workflow and judges its answers. */
class Prober {
  constructor(
    private readonly client: Client,
    private readonly kitQueue: string,
    private readonly agency: string,
    private readonly timeoutMs: number,
  ) {}

  async run(check: CheckName, service: ServiceUnderTest): Promise<Verdict> {
    const items = itemsFor(check, service);
    if (!items) return { passed: true, detail: `does not apply: ${service.service} needs no data items` };
    const slow = check === 'slow';
    const request = probeRequest(
      this.agency,
      service,
      items,
      slow ? { probe: check, delayMs: SLOW_PROBE_DELAY_MS } : { probe: check },
    );
    const input: ProbeInput = {
      taskQueue: agencyTaskQueue(this.agency),
      request,
      deliveries: check === 'duplicate' ? 2 : 1,
      startToCloseTimeoutMs: this.timeoutMs + (slow ? SLOW_PROBE_DELAY_MS : 0),
      heartbeatTimeoutMs: slow ? PROBE_HEARTBEAT_TIMEOUT_MS : undefined,
      // The slow probe gets one attempt: a retry after a missed heartbeat would hide it.
      maximumAttempts: slow ? 1 : 3,
    };
    const started = Date.now();
    let deliveries: Delivery[];
    try {
      deliveries = await this.deliver(request.journeyId, input);
    } catch (error) {
      return { passed: false, detail: `the probe failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    const [first, second] = deliveries;
    if (!first) return { passed: false, detail: 'the probe gave no answer' };
    switch (check) {
      case 'happy-path':
        return judgeHappyPath(service, first);
      case 'duplicate':
        return second
          ? judgeDuplicate(first, second)
          : { passed: false, detail: 'the probe delivered the request once' };
      case 'slow':
        return judgeSlow(first, Date.now() - started, SLOW_PROBE_DELAY_MS, PROBE_HEARTBEAT_TIMEOUT_MS);
      case 'incomplete':
        return judgeIncomplete(first, Object.keys(service.needs)[0] ?? '');
      case 'malformed':
        return judgeMalformed(first);
    }
  }

  private async deliver(workflowId: string, input: ProbeInput): Promise<Delivery[]> {
    const handle = await this.client.workflow.start<typeof conformanceProbe>('conformanceProbe', {
      workflowId,
      taskQueue: this.kitQueue,
      args: [input],
      workflowExecutionTimeout:
        (input.startToCloseTimeoutMs * input.maximumAttempts + 5_000) * input.deliveries + 30_000,
    });
    const answers = await handle.result();
    const attempts = attemptsOf(await handle.fetchHistory());
    return answers.map((answer, i) => ({ answer, attempts: attempts[i] ?? 0 }));
  }
}

/** How many attempts each activity took, in the order they were scheduled (only the history knows). */
function attemptsOf(history: temporal.api.history.v1.IHistory): number[] {
  const scheduled: string[] = [];
  const attempts = new Map<string, number>();
  for (const event of history.events ?? []) {
    if (event.activityTaskScheduledEventAttributes) scheduled.push(String(event.eventId));
    const started = event.activityTaskStartedEventAttributes;
    if (started) attempts.set(String(started.scheduledEventId), started.attempt ?? 1);
  }
  return scheduled.map((id) => attempts.get(id) ?? 0);
}

async function timed(work: () => Promise<Verdict>): Promise<Verdict & { ms: number }> {
  const started = Date.now();
  const verdict = await work();
  return { ...verdict, ms: Date.now() - started };
}
