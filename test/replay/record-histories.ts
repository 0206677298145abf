/*
 * Records the histories of real journeys into test/replay/histories/<date>-<scenario>.json, for the replay suite. Run it when workflow
 * code gains a behaviour worth pinning (`npx nx run replay:record`); never re-record to make a replay pass: a
 * failing replay means the change needs a patch (workflows/journey/src/lib/patches.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type NativeConnection } from '@temporalio/worker';
import {
  decideStepUpdate,
  JOURNEY_TASK_QUEUE,
  JOURNEY_SEARCH_ATTRIBUTES,
  journeyWorkflowId,
  migrateVersionUpdate,
  provideInputsUpdate,
  requestInfoUpdate,
  retryStepUpdate,
  withdrawUpdate,
  workflowTypeFor,
  type Actor,
  type JourneyInput,
  type Provenance,
} from '@passage/contracts';
import { defineLifeEvent, type DataValue, type LifeEventDefinition } from '@passage/journey-model';
import { AGENCIES, findDefinition } from '@passage/life-events';
import { JourneyProjectionWriter, VaultCipher } from '@passage/persistence';
import {
  createJourneyWorker,
  journeyResult,
  passageDataConverter,
  startJourney,
  temporalCliPath,
  temporalTestServerPath,
} from '@passage/temporal';
import {
  completingAgency,
  createTestAgencies,
  driveJourney,
  HORECA_COMPANY_ANSWERS,
  driveJourneyUntil,
  fanOutLifeEvent,
  journeyReaches,
  permitLifeEvent,
  sampleItems,
  snapshotOf,
  SOLE_TRADER_ANSWERS,
  testStep,
  texts,
  TEST_PAYLOAD_KEYS,
  type ServiceHandler,
} from '@passage/testing';
import { createTestDatabase } from '@passage/persistence/testing';

const HISTORIES = join(__dirname, 'histories');
/**
 * Recordings are kept per recording (date, or REPLAY_TAG when a day has several): older ones prove that the code
 * paths behind each patch still replay.
 */
const RECORDED_ON = process.env['REPLAY_TAG'] ?? new Date().toISOString().slice(0, 10);
const founder: Actor = { id: 'subject-replay', role: 'citizen' };
const officer: Actor = { id: 'officer-replay', role: 'agency' };

function catalogue(version: number): LifeEventDefinition {
  const definition = findDefinition('start-business', version);
  if (!definition) throw new Error(`start-business v${version} missing`);
  return definition;
}

function journeyInput(
  definition: LifeEventDefinition,
  answers: Record<string, DataValue>,
  settings?: JourneyInput['settings'],
) {
  const fromRegister = Object.keys(definition.dataItems).filter((item) => definition.dataItems[item]?.authenticSource);
  const data = { ...sampleItems(definition, [...definition.intake, ...fromRegister]), ...answers };
  const provenance: Record<string, Provenance> = Object.fromEntries(
    Object.keys(data).map((item) => [item, { kind: 'intake' } as const]),
  );
  return {
    snapshot: snapshotOf(definition),
    subject: founder.id,
    language: 'nl' as const,
    channel: 'online' as const,
    startedBy: founder,
    data,
    provenance,
    settings,
  };
}

async function save(name: string, handle: WorkflowHandle): Promise<void> {
  const history = await handle.fetchHistory();
  writeFileSync(
    join(HISTORIES, `${RECORDED_ON}-${name}.json`),
    JSON.stringify({ workflowId: handle.workflowId, history: JSON.parse(historyToJSON(history)) }),
  );
  console.log(`recorded ${name} (${history.events?.length ?? 0} events)`);
}

async function onDevServer(): Promise<void> {
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath() },
      ip: '127.0.0.1',
      searchAttributes: [...JOURNEY_SEARCH_ATTRIBUTES],
    },
    client: { dataConverter: passageDataConverter(TEST_PAYLOAD_KEYS) },
  });
  const db = await createTestDatabase();
  const worker = await createJourneyWorker({
    connection: env.nativeConnection,
    payloadKeys: TEST_PAYLOAD_KEYS,
    projection: new JourneyProjectionWriter(db.dataSource, new VaultCipher(TEST_PAYLOAD_KEYS)),
  });
  const answer = completingAgency(catalogue(1), catalogue(2));
  const handlers: Record<string, ServiceHandler> = Object.fromEntries(AGENCIES.map((agency) => [agency.id, answer]));
  for (const agency of ['alpha', 'beta', 'gamma']) handlers[agency] = completingAgency(fanOutLifeEvent());
  // While the griffie is down (one scenario), its first attempt fails, to record a failed step that is retried.
  let griffieDown = false;
  handlers['griffie'] = (request) => {
    if (griffieDown && request.idempotencyKey.endsWith(':1')) throw new Error('griffie unavailable');
    return answer(request);
  };
  const agencies = await createTestAgencies(env.nativeConnection, TEST_PAYLOAD_KEYS, 'default', handlers);
  const running = worker.run();
  try {
    const client = env.client;
    const start = (
      definition: LifeEventDefinition,
      answers: Record<string, DataValue>,
      settings?: JourneyInput['settings'],
    ) => startJourney(client, journeyInput(definition, answers, settings));

    const soleTrader = await start(catalogue(1), SOLE_TRADER_ANSWERS);
    await driveJourney(soleTrader, catalogue(1), { subject: founder });
    await save('start-business-v1-sole-trader-completed', soleTrader);

    const horeca = await start(catalogue(2), HORECA_COMPANY_ANSWERS);
    await driveJourney(horeca, catalogue(2), { subject: founder });
    await save('start-business-v2-horeca-company-completed', horeca);

    const rejected = await start(catalogue(1), { ...SOLE_TRADER_ANSWERS, 'business.subjectToVat': true });
    await driveJourney(rejected, catalogue(1), {
      subject: founder,
      decide: (step) =>
        step.id === 'social-insurance-affiliation'
          ? { outcome: 'rejected', reason: 'refused' }
          : {
              outcome: 'approved',
              outputs: sampleItems(catalogue(1), catalogue(1).steps.find((s) => s.id === step.id)?.produces ?? []),
            },
    });
    await save('start-business-v1-rejected-compensated', rejected);

    const withdrawn = await start(catalogue(1), SOLE_TRADER_ANSWERS);
    await journeyReaches(withdrawn, (s) => s.steps.some((x) => x.status === 'in-progress'), 'a step is in progress');
    await withdrawn.executeUpdate(withdrawUpdate, {
      args: [{ idempotencyKey: 'withdraw', actor: founder, reason: 'replay' }],
    });
    await journeyResult(withdrawn);
    await save('start-business-v1-withdrawn', withdrawn);

    griffieDown = true;
    const retried = await start(
      catalogue(2),
      { ...HORECA_COMPANY_ANSWERS, 'business.sector': 'services' },
      { serviceMaxAttempts: 1 },
    );
    await driveJourneyUntil(
      retried,
      catalogue(2),
      (s) => s.steps.some((x) => x.id === 'griffie-deposit' && x.status === 'failed'),
      { subject: founder },
    );
    griffieDown = false;
    await retried.executeUpdate(retryStepUpdate, {
      args: [{ idempotencyKey: 'retry', stepId: 'griffie-deposit', actor: { id: 'owner-replay', role: 'owner' } }],
    });
    await driveJourney(retried, catalogue(2), { subject: founder });
    await save('start-business-v2-failed-step-retried', retried);

    const continued = await start(catalogue(2), HORECA_COMPANY_ANSWERS, { continueAsNewAfterHistoryEvents: 40 });
    const firstRun = (await continued.describe()).runId;
    await driveJourney(continued, catalogue(2), { subject: founder });
    await save(
      'start-business-v2-continued-as-new-first-run',
      client.workflow.getHandle(continued.workflowId, firstRun),
    );
    await save('start-business-v2-continued-as-new-last-run', continued);

    const migrated = await start(catalogue(1), SOLE_TRADER_ANSWERS);
    await driveJourneyUntil(
      migrated,
      catalogue(1),
      (s) => s.steps.some((x) => x.id === 'kbo-registration' && x.status === 'in-progress'),
      { subject: founder },
    );
    await migrated.executeUpdate(migrateVersionUpdate, {
      args: [
        {
          idempotencyKey: 'migrate-1-2',
          snapshot: snapshotOf(catalogue(2)),
          actor: { id: 'owner-replay', role: 'owner' },
        },
      ],
    });
    await driveJourney(migrated, catalogue(2), { subject: founder });
    await save('start-business-v1-migrated-to-v2', migrated);

    // Automatic steps completing while others are under way: routine progress is projected together.
    const fanOut = await startJourney(client, {
      ...journeyInput(fanOutLifeEvent(), {}),
      data: { 'person.name': 'Ada', 'person.address': 'Kerkstraat 1' },
    });
    await driveJourney(fanOut, fanOutLifeEvent(), { subject: founder });
    await save('test-fanout-routine-projections-coalesced', fanOut);
  } finally {
    await agencies.stop();
    worker.shutdown();
    await running;
    await db.drop();
    await env.teardown();
  }
}

/** An automatic step that the agency accepts (and answers later), with a term, beside a manual step kept open. */
function acceptedWithTerm(): LifeEventDefinition {
  return defineLifeEvent({
    id: 'test-accepted',
    version: 1,
    kind: 'life',
    owner: 'test-owner',
    title: texts('Accepted request'),
    summary: texts('An automatic step accepted by its agency, with a statutory term'),
    dataItems: { 'plan.reference': { type: 'string', label: texts('Plan') } },
    intake: ['plan.reference'],
    steps: [
      testStep('register', {
        agency: 'replay-accepting',
        mode: 'automatic',
        needs: ['plan.reference'],
        term: { days: 5, unit: 'calendar', kind: 'authority-decision', from: 'dispatch', onExpiry: 'tacit-approval' },
      }),
      testStep('permit', { agency: 'gemeente', mode: 'manual', needs: ['plan.reference'] }),
    ],
  });
}

async function onTimeSkippingServer(): Promise<void> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
    client: { dataConverter: passageDataConverter(TEST_PAYLOAD_KEYS) },
  });
  const db = await createTestDatabase();
  const worker = await createJourneyWorker({
    connection: env.nativeConnection as NativeConnection,
    payloadKeys: TEST_PAYLOAD_KEYS,
    projection: new JourneyProjectionWriter(db.dataSource, new VaultCipher(TEST_PAYLOAD_KEYS)),
  });
  const running = worker.run();
  try {
    const start = async (client: Client, definition: LifeEventDefinition, n: number) => {
      const journeyId = journeyWorkflowId(definition.id, `00000000-0000-4000-8000-00000000000${n}`);
      const input: JourneyInput = { journeyId, ...journeyInput(definition, { 'plan.reference': 'PL-1' }) };
      return client.workflow.start(workflowTypeFor(definition.id), {
        workflowId: journeyId,
        taskQueue: JOURNEY_TASK_QUEUE,
        args: [input],
      });
    };
    const expired = await start(
      env.client,
      permitLifeEvent({
        days: 105,
        unit: 'calendar',
        kind: 'authority-decision',
        from: 'dispatch',
        onExpiry: 'tacit-refusal',
      }),
      1,
    );
    await env.client.workflow.result(expired.workflowId);
    await save('test-permit-term-expired-tacit-refusal', expired);

    const suspended = await start(
      env.client,
      permitLifeEvent({
        days: 30,
        unit: 'working',
        kind: 'authority-decision',
        from: 'dispatch',
        onExpiry: 'tacit-approval',
      }),
      2,
    );
    await journeyReaches(suspended, (s) => s.steps[0]?.status === 'in-progress', 'the permit is in progress');
    await suspended.executeUpdate(requestInfoUpdate, {
      args: [{ idempotencyKey: 'ask', stepId: 'permit', items: ['plan.addendum'], requestedBy: officer }],
    });
    await env.sleep('10 days');
    await suspended.executeUpdate(provideInputsUpdate, {
      args: [{ idempotencyKey: 'answer', items: { 'plan.addendum': 'A-1' }, actor: founder }],
    });
    await env.client.workflow.result(suspended.workflowId);
    await save('test-permit-term-suspended-resumed-approved', suspended);

    // The agency accepted the request, so no call is in flight when the term expires and the step is approved.
    const accepting = await createTestAgencies(env.nativeConnection as NativeConnection, TEST_PAYLOAD_KEYS, 'default', {
      'replay-accepting': () => ({ outcome: 'accepted' }),
    });
    try {
      const accepted = await start(env.client, acceptedWithTerm(), 3);
      await journeyReaches(
        accepted,
        (s) => s.steps.find((step) => step.id === 'register')?.status === 'in-progress',
        'the registration is accepted',
      );
      await env.sleep('8 days');
      await journeyReaches(
        accepted,
        (s) => s.steps.find((step) => step.id === 'register')?.status === 'expired',
        'the registration term expired',
      );
      await accepted.executeUpdate(decideStepUpdate, {
        args: [{ idempotencyKey: 'decide', stepId: 'permit', outcome: 'approved', decidedBy: officer }],
      });
      await env.client.workflow.result(accepted.workflowId);
      await save('test-accepted-term-approved-tacitly', accepted);
    } finally {
      await accepting.stop();
    }
  } finally {
    worker.shutdown();
    await running;
    await db.drop();
    await env.teardown();
  }
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  mkdirSync(HISTORIES, { recursive: true });
  await onDevServer();
  await onTimeSkippingServer();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
