import { randomBytes } from 'node:crypto';
import { temporal as api } from '@temporalio/proto';
import {
  formatReport,
  servicesOfAgency,
  signWebhook,
  verifyAgency,
  type ConformanceReport,
  type DataItems,
  type DataValue,
  type ItemSpec,
  type ServiceUnderTest,
} from '@passage/agency-sdk';
import { startAgencyGateway, type AgencyGateway } from '@passage/agency-gateway';
import { agencyTaskQueue } from '@passage/contracts';
import { agencySecretVariable } from '@passage/devstack';
import { AgencyRegistry } from '@passage/registry';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { connectTestTemporal, TEST_PAYLOAD_KEYS, waitFor, type TestTemporal } from '@passage/testing';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';
import type { BehaviourSettings } from './lib/behaviour.model';
import { BusyPeriod } from './lib/busy-period';
import { LaterDecisions } from './lib/later-decisions';
import { buildRoster, type SimulatedAgency } from './lib/roster';
import { serviceSteps, type DecideLater } from './lib/service-steps';
import { startWebhookAgencies, type WebhookAgencies } from './lib/webhook-agencies';
import { startWorkerAgencies, type WorkerAgencies } from './lib/worker-agencies';

const roster = buildRoster(CATALOGUE, AGENCIES);
const serving = roster.filter((agency) => agency.delivery !== undefined);
const definitions = CATALOGUE.flatMap((entry) => [...entry.versions].sort((a, b) => b.version - a.version));
const secrets = Object.fromEntries(
  serving.map((agency) => [agencySecretVariable(agency.id), randomBytes(32).toString('base64url')]),
);
/** Agencies checked side by side: each run waits mostly for the slow probe's six seconds. */
const CONCURRENCY = 6;
const POLLING = { timeoutMs: 120_000, intervalMs: 250 };

/**
 * The conformance kit against every simulated agency that serves services: the worker agencies on their queues,
 * and the webhook agencies behind Passage's own webhook adapter (the agency gateway), as Passage calls them. The
 * adapter refuses the kit's requests today (see below), so the webhook agencies also pass the same five checks
 * with signed requests straight to their handlers.
 */
describe('the simulated agencies pass the conformance kit', () => {
  let temporal: TestTemporal;
  let db: TestDatabase;
  let workers: WorkerAgencies;
  let webhooks: WebhookAgencies;
  let gateway: AgencyGateway;
  const reports = new Map<string, ConformanceReport>();

  beforeAll(async () => {
    temporal = await connectTestTemporal();
    db = await createTestDatabase();
    const settings: BehaviourSettings = {
      seed: 1,
      secondsPerDay: 0.2,
      shares: { reject: 0.5, info: 0 },
      researchRules: [],
      overrideRules: [],
    };
    const later = new LaterDecisions({ maxPending: 100, attempts: 1, onFailure: () => undefined });
    const steps = (agency: SimulatedAgency, decideLater: DecideLater) =>
      serviceSteps({
        agency,
        settings,
        maxHoldMs: 1_000,
        later,
        decideLater,
        busy: new BusyPeriod(0),
        log: () => undefined,
        today: () => '2026-05-07',
      });
    const passage = {
      connection: temporal.nativeConnection,
      client: temporal.client,
      namespace: temporal.namespace,
      close: async () => undefined,
    };
    workers = await startWorkerAgencies({
      agencies: serving.filter((a) => a.delivery === 'worker'),
      passage,
      payloadKeys: TEST_PAYLOAD_KEYS,
      steps,
    });
    webhooks = await startWebhookAgencies({
      agencies: serving.filter((a) => a.delivery === 'webhook'),
      secretOf: (a) => secrets[agencySecretVariable(a.id)] ?? '',
      port: 0,
      steps,
    });
    const webhookIds = new Set(serving.filter((a) => a.delivery === 'webhook').map((a) => a.id));
    await new AgencyRegistry(db.dataSource).seed(AGENCIES, (agency) =>
      webhookIds.has(agency.id)
        ? { kind: 'webhook', url: webhooks.urlOf(agency.id), secretRef: `env:${agencySecretVariable(agency.id)}` }
        : { kind: 'worker' },
    );
    gateway = await startAgencyGateway({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      dataSource: db.dataSource,
      payloadKeys: TEST_PAYLOAD_KEYS,
      publicUrl: 'http://127.0.0.1:9',
      environment: 'test',
      env: secrets,
    });
    // The kit gives an agency a few seconds to show up; a busy machine may take longer to start every worker.
    for (const agency of serving) await waitFor(`${agency.id} polls its queue`, () => polled(agency.id), POLLING);
    const queue = [...serving];
    const check = async () => {
      for (let agency = queue.shift(); agency; agency = queue.shift()) {
        const services = servicesOfAgency(definitions, agency.id);
        reports.set(
          agency.id,
          await verifyAgency({
            connection: temporal.nativeConnection,
            namespace: temporal.namespace,
            payloadKeys: TEST_PAYLOAD_KEYS,
            agency: agency.id,
            services,
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, check));
  }, 300_000);

  const polled = async (agency: string) => {
    const { pollers } = await temporal.client.workflowService.describeTaskQueue({
      namespace: temporal.namespace,
      taskQueue: { name: agencyTaskQueue(agency), kind: api.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: api.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
    });
    return pollers.length > 0 ? true : undefined;
  };

  afterAll(async () => {
    await gateway?.stop();
    await webhooks?.stop();
    await workers?.stop();
    await db?.drop();
    await temporal?.close();
  });

  it('serves both ways: some agencies by worker, some by webhook through the gateway', () => {
    expect(gateway.serving()).toEqual(serving.filter((a) => a.delivery === 'webhook').map((a) => a.id));
    expect(serving.filter((a) => a.delivery === 'worker').length).toBeGreaterThan(0);
  });

  const passes = (agency: string) => {
    const report = reports.get(agency);
    expect(report?.passed ? 'passed' : report && formatReport(report)).toBe('passed');
    // reachable, then five checks per service
    expect(report?.checks).toHaveLength(1 + 5 * servicesOfAgency(definitions, agency).length);
  };

  const webhookAgencies = serving.filter((a) => a.delivery === 'webhook');

  it.each(serving.filter((a) => a.delivery === 'worker').map((a) => a.id))(
    '%s (worker) passes every check of the kit',
    passes,
  );

  it.each(webhookAgencies.map((a) => a.id))(
    '%s (webhook) passes every check of the kit through the agency gateway',
    passes,
  );

  it.each(webhookAgencies.map((a) => a.id))(
    '%s (webhook) passes the five checks with signed requests to its handler',
    async (agency) => {
      const secret = secrets[agencySecretVariable(agency)] ?? '';
      const failures = (
        await Promise.all(
          servicesOfAgency(definitions, agency).map((service) =>
            checkWebhook(webhooks.urlOf(agency), secret, agency, service),
          ),
        )
      ).flat();
      expect(failures).toEqual([]);
    },
  );
});

/** What the kit sends, straight over HTTP: a valid sample, or the items of the wrong type. */
function sample(spec: ItemSpec): DataValue {
  return {
    string: 'Conformance test value',
    number: 1,
    boolean: true,
    date: '2026-05-07',
    enum: spec.values?.[0] ?? 'x',
  }[spec.type];
}

/** The kit's five checks against a webhook handler; the failures, in words. */
async function checkWebhook(url: string, secret: string, agency: string, service: ServiceUnderTest): Promise<string[]> {
  const needs = Object.entries(service.needs);
  const valid = Object.fromEntries(needs.map(([item, spec]) => [item, sample(spec)]));
  let n = 0;
  const post = async (items: DataItems, probe: { probe: string; delayMs?: number }, key = `conformance-${++n}`) => {
    const body = JSON.stringify({
      journeyId: `conformance-${agency}`,
      stepId: service.service,
      lifeEvent: { id: 'conformance', version: 1 },
      agency,
      service: service.service,
      kind: service.kind ?? 'perform',
      idempotencyKey: key,
      items,
      language: 'en',
      proactive: service.proactive ?? false,
      conformance: probe,
    });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signWebhook(secret, body) },
      body,
    });
    return {
      status: response.status,
      body: (await response.json()) as { outputs?: DataItems; reason?: string; error?: string },
    };
  };
  const failures: string[] = [];
  const expectThat = (check: string, ok: boolean, detail: unknown) =>
    ok || failures.push(`${service.service} ${check}: ${JSON.stringify(detail)}`);

  const happy = await post(valid, { probe: 'happy-path' });
  const produced = Object.entries(service.produces).every(
    ([item, spec]) =>
      typeof happy.body.outputs?.[item] === (spec.type === 'date' || spec.type === 'enum' ? 'string' : spec.type),
  );
  expectThat('happy-path', (happy.status === 200 && produced) || happy.status === 202, happy);
  const [first, second] = [
    await post(valid, { probe: 'duplicate' }, 'dup'),
    await post(valid, { probe: 'duplicate' }, 'dup'),
  ];
  expectThat('duplicate', first.status < 300 && JSON.stringify(first) === JSON.stringify(second), [first, second]);
  const started = Date.now();
  const slow = await post(valid, { probe: 'slow', delayMs: 1500 });
  expectThat('slow', slow.status < 300 && Date.now() - started >= 1500, slow);
  if (needs.length > 0) {
    const incomplete = await post(
      Object.fromEntries(needs.slice(1).map(([item]) => [item, valid[item] as DataValue])),
      { probe: 'incomplete' },
    );
    expectThat('incomplete', incomplete.status === 422 && Boolean(incomplete.body.reason), incomplete);
    const wrong = Object.fromEntries(
      needs.map(([item, spec]) => [
        item,
        spec.type === 'number' || spec.type === 'boolean' ? `not-a-${spec.type}` : 20240101,
      ]),
    );
    const malformed = await post({ ...wrong, 'conformance.undeclared': 'x' }, { probe: 'malformed' });
    expectThat('malformed', malformed.status === 400 && malformed.body.error === 'InvalidServiceRequest', malformed);
  }
  return failures;
}
