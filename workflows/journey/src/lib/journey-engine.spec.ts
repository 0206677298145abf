import type { Actor, JourneyInput, StepState } from '@passage/contracts';
import type { DataVocabulary, LifeEventDefinition, StepDefinition } from '@passage/journey-model';
import { fanOutLifeEvent, snapshotOf, testStep, texts } from '@passage/testing';
import { JourneyEngine, RECEIPT_WINDOW, type EngineCommand } from './journey-engine';

const citizen: Actor = { id: 'subject-1', role: 'citizen' };
const officer: Actor = { id: 'officer-1', role: 'agency', agency: 'delta' };

/** A clock the test moves by hand, and predictable ids. */
function testEnvironment(start = '2026-03-02T09:00:00.000Z') {
  let now = Date.parse(start);
  let ids = 0;
  return {
    now: () => new Date(now).toISOString(),
    newId: () => `id-${++ids}`,
    advanceDays: (days: number) => (now += days * 86_400_000),
  };
}

function inputFor(definition: LifeEventDefinition, overrides: Partial<JourneyInput> = {}): JourneyInput {
  return {
    journeyId: 'journey-test-fanout-00000000-0000-4000-8000-000000000001',
    snapshot: snapshotOf(definition),
    subject: 'subject-1',
    language: 'en',
    channel: 'online',
    startedBy: citizen,
    data: { 'person.name': 'Ada', 'person.address': 'Kerkstraat 1' },
    provenance: { 'person.name': { kind: 'intake' }, 'person.address': { kind: 'reused', from: 'vault' } },
    ...overrides,
  };
}

function started(definition = fanOutLifeEvent(), overrides: Partial<JourneyInput> = {}) {
  const env = testEnvironment();
  const engine = new JourneyEngine(inputFor(definition, overrides), env);
  const first = engine.start();
  return { engine, env, first };
}

const calls = (commands: readonly EngineCommand[]) =>
  commands.filter((c) => c.kind === 'call-service').map((c) => c.stepId);
const stepOf = (engine: JourneyEngine, id: string): StepState => {
  const step = engine.view().steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
};

/** Drives the fan-out journey up to the manual `permit` step. */
function atPermit() {
  const journey = started();
  journey.engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
  journey.engine.onServiceOutcome('notify-tax', 1, { outcome: 'completed', outputs: { 'tax.reference': 'T-1' } });
  const commands = journey.engine.onServiceOutcome('notify-social', 1, {
    outcome: 'completed',
    outputs: { 'social.reference': 'S-1' },
  });
  return { ...journey, commands };
}

const decision = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: 'decision-1',
  stepId: 'permit',
  outcome: 'approved' as const,
  outputs: { 'permit.number': 'P-1' },
  decidedBy: officer,
  ...overrides,
});

describe('JourneyEngine', () => {
  it('dispatches only the steps whose dependencies are met, with only the data they need', () => {
    const { first } = started();
    expect(calls(first)).toEqual(['register']);
    const call = first.find((c) => c.kind === 'call-service');
    expect(call?.kind === 'call-service' && call.request.items).toEqual({ 'person.name': 'Ada' });
    expect(call?.kind === 'call-service' && call.request.idempotencyKey).toBe(
      'journey-test-fanout-00000000-0000-4000-8000-000000000001:register:1',
    );
  });

  it('fans out every step that became ready at once', () => {
    const { engine } = started();
    const next = engine.onServiceOutcome('register', 1, {
      outcome: 'completed',
      outputs: { 'case.number': 'C-1', 'unknown.item': 'x' },
    });
    expect(calls(next).sort()).toEqual(['notify-social', 'notify-tax']);
    // Outputs the step does not declare are not kept.
    expect(engine.carry().data).not.toHaveProperty('unknown.item');
  });

  it('numbers timeline events without gaps and hands each out once', () => {
    const { engine } = started();
    engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    const first = engine.takeProjection();
    expect(first?.events.map((e) => e.n)).toEqual(first?.events.map((_, i) => i + 1));
    expect(first?.dataWrites.map((w) => w.item)).toEqual(['case.number']);
    expect(engine.takeProjection()).toBeUndefined();
  });

  it('lets the projection wait only while automatic work is in flight and nobody has to act on the changes', () => {
    const { engine } = started();
    expect(engine.projectionCanWait()).toBe(false); // the journey's start is news
    engine.takeProjection();
    engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    expect(engine.projectionCanWait()).toBe(true); // both notifications are in flight
    engine.onServiceFailed('notify-tax', 1, 'agency down');
    expect(engine.projectionCanWait()).toBe(false); // a failure escalates to the owner
    engine.takeProjection();
    engine.onServiceOutcome('notify-social', 1, { outcome: 'completed', outputs: { 'social.reference': 'S-1' } });
    expect(engine.projectionCanWait()).toBe(false); // nothing is in flight any more
  });

  it('opens a manual step in the inbox with its statutory term', () => {
    const { engine, commands } = atPermit();
    const permit = stepOf(engine, 'permit');
    expect(permit.status).toBe('in-progress');
    expect(permit.taskId).toBe('id-1');
    // 30 calendar days from Monday 2 March 2026 end on Wednesday 1 April, end of day in Brussels (CEST).
    expect(permit.dueAt).toBe('2026-04-01T21:59:59.999Z');
    expect(commands).toContainEqual({ kind: 'start-timer', stepId: 'permit', dueAt: permit.dueAt });
  });

  it('applies a decision once: a repeat is a duplicate, a contradiction a conflict, and neither changes anything', () => {
    const { engine } = atPermit();
    const first = engine.decide(decision()).receipt;
    expect(first.result).toBe('applied');
    const seq = engine.view().seq;
    expect(engine.decide(decision()).receipt).toEqual({ ...first, result: 'duplicate' });
    // The same decision under another key (a second clerk, a webhook) repeats it; another decision contradicts it,
    // under a key of its own or the first one's (the inbox's default key is the task's).
    expect(engine.decide(decision({ idempotencyKey: 'decision-2' })).receipt).toEqual({
      ...first,
      result: 'duplicate',
    });
    for (const key of ['decision-3', 'decision-1']) {
      const contradiction = engine.decide(decision({ idempotencyKey: key, outcome: 'rejected', reason: 'no' }));
      expect(contradiction).toEqual({
        receipt: { result: 'conflict', seq, detail: 'step permit was already approved' },
        commands: [],
      });
    }
    const otherOutputs = engine.decide(decision({ idempotencyKey: 'decision-4', outputs: { 'permit.number': 'P-2' } }));
    expect(otherOutputs.receipt.result).toBe('conflict');
    expect(stepOf(engine, 'permit').status).toBe('completed');
    expect(engine.view().seq).toBe(seq);
  });

  it('never reports an ignored message as applied or duplicate: the same message again is weighed again', () => {
    const { engine } = atPermit();
    const unsolicited = { idempotencyKey: 'in-1', items: { 'permit.number': 'forged' }, actor: citizen };
    expect(engine.provideInputs(unsolicited).receipt.result).toBe('ignored');
    expect(engine.provideInputs(unsolicited).receipt.result).toBe('ignored');
    const early = decision({ stepId: 'confirm', idempotencyKey: 'early' });
    expect(engine.decide(early).receipt.result).toBe('ignored');
    expect(engine.carry().receipts).toEqual({});
  });

  it('holds an input given before its step asks for it, and completes the step with it when it would ask', () => {
    const { engine } = started();
    const early = engine.provideInputs({
      idempotencyKey: 'early',
      items: { 'confirm.accepted': true },
      actor: citizen,
    });
    expect(early.receipt.result).toBe('applied');
    expect(stepOf(engine, 'confirm').status).toBe('pending');
    // Held inputs survive a continue-as-new.
    const carried = new JourneyEngine({ ...inputFor(fanOutLifeEvent()), carried: engine.carry() }, testEnvironment());
    carried.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    carried.onServiceOutcome('notify-tax', 1, { outcome: 'completed', outputs: { 'tax.reference': 'T-1' } });
    carried.onServiceOutcome('notify-social', 1, { outcome: 'completed', outputs: { 'social.reference': 'S-1' } });
    carried.decide(decision());
    expect(stepOf(carried, 'confirm')).toMatchObject({ status: 'completed', asked: undefined });
    expect(carried.status).toBe('completed');
    const provided = carried.takeProjection()?.events.filter((event) => event.type === 'data-provided');
    expect(provided).toEqual([
      expect.objectContaining({ stepId: 'confirm', items: ['confirm.accepted'], actor: citizen }),
    ]);
    // Nothing is held for an item no step will ask for (it is already known, or no citizen step gives it).
    const late = carried.provideInputs({
      idempotencyKey: 'late',
      items: { 'confirm.accepted': false },
      actor: citizen,
    });
    expect(late.receipt.result).toBe('ignored');
  });

  it('keeps receipts for a window: the last messages by count, and none older than the window after continue-as-new', () => {
    const { engine, env } = atPermit();
    const cycles = RECEIPT_WINDOW.count / 2 + 50;
    for (let i = 0; i < cycles; i++) {
      const asked = engine.requestInfo({
        idempotencyKey: `ask-${i}`,
        stepId: 'permit',
        items: ['person.name'],
        requestedBy: officer,
      });
      expect(asked.receipt.result).toBe('applied');
      const answered = engine.provideInputs({
        idempotencyKey: `${i}`,
        items: { 'person.name': `Ada ${i}` },
        actor: citizen,
      });
      expect(answered.receipt.result).toBe('applied');
    }
    const kept = Object.keys(engine.carry().receipts);
    expect(kept).toHaveLength(RECEIPT_WINDOW.count);
    expect(kept).not.toContain('ask-0');
    expect(kept).toContain(`ask-${cycles - 1}`);
    // The newest are still recognised as repeats after a continue-as-new, whatever their keys look like.
    const next = new JourneyEngine({ ...inputFor(fanOutLifeEvent()), carried: engine.carry() }, env);
    const again = next.provideInputs({
      idempotencyKey: `${cycles - 1}`,
      items: { 'person.name': 'x' },
      actor: citizen,
    });
    expect(again.receipt.result).toBe('duplicate');
    env.advanceDays(RECEIPT_WINDOW.days + 1);
    expect(next.carry().receipts).toEqual({});
  });

  it('keeps the message behaviour recorded histories ran with when told to', () => {
    const env = testEnvironment();
    const engine = new JourneyEngine(inputFor(fanOutLifeEvent()), env, { truthfulMessages: false });
    engine.start();
    const early = { idempotencyKey: 'early', items: { 'confirm.accepted': true }, actor: citizen };
    expect(engine.provideInputs(early).receipt.result).toBe('ignored');
    expect(engine.provideInputs(early).receipt.result).toBe('duplicate');
  });

  it('asks the citizen only what is missing and ignores data nobody asked for', () => {
    const { engine } = atPermit();
    engine.decide(decision());
    expect(stepOf(engine, 'confirm').asked).toEqual(['confirm.accepted']);
    const unsolicited = engine.provideInputs({
      idempotencyKey: 'in-1',
      items: { 'permit.number': 'forged' },
      actor: citizen,
    });
    expect(unsolicited.receipt.result).toBe('ignored');
    engine.provideInputs({ idempotencyKey: 'in-2', items: { 'confirm.accepted': true }, actor: citizen });
    expect(engine.status).toBe('completed');
    expect(engine.view().expectedAt).toBe(engine.view().finishedAt);
  });

  it('dates expected completion as of the last change, whenever the journey is viewed, and only projections keep them', () => {
    const { engine, env } = atPermit();
    const atChange = engine.view();
    expect(atChange.expectedAt).toBeDefined();
    expect(atChange.steps.find((s) => s.id === 'permit')?.expectedAt).toBeDefined();
    env.advanceDays(3);
    // A query three days later sees the same dates and leaves the journey as it was.
    expect(engine.view()).toEqual(atChange);
    const update = engine.takeProjection();
    expect(update?.state.expectedAt).toBe(atChange.expectedAt);
    expect(update?.state.steps).toEqual(atChange.steps);
    expect(engine.view()).toEqual(atChange);
  });

  it('reuses what the vault knows and shows it on the timeline', () => {
    const { engine } = started();
    engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    expect(stepOf(engine, 'notify-tax').reused).toEqual(['person.address']);
    const events = engine.takeProjection()?.events ?? [];
    expect(events.filter((e) => e.type === 'data-reused').map((e) => e.stepId)).toEqual([undefined, 'notify-tax']);
  });

  it('ends the journey on a critical rejection: open steps cancelled, completed ones compensated', () => {
    const { engine } = started();
    engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    const commands = engine.onServiceOutcome('notify-tax', 1, { outcome: 'rejected', reason: 'no tax file' });
    expect(engine.status).toBe('rejected');
    expect(commands).toContainEqual({ kind: 'cancel-service', stepId: 'notify-social' });
    expect(engine.view().steps.map((s) => [s.id, s.status])).toEqual([
      ['register', 'completed'],
      ['notify-tax', 'rejected'],
      ['notify-social', 'cancelled'],
      ['permit', 'cancelled'],
      ['confirm', 'cancelled'],
    ]);
    const plan = engine.takeCompensations();
    expect(plan.map((r) => [r.stepId, r.service, r.kind])).toEqual([['register', 'unregister', 'compensate']]);
    expect(engine.takeCompensations()).toEqual([]);
  });

  it('lets a non-critical rejection cancel only its dependants', () => {
    const definition = fanOutLifeEvent();
    const steps = definition.steps.map((s): StepDefinition =>
      s.id === 'notify-social' ? { ...s, critical: false } : s,
    );
    const { engine } = started({ ...definition, steps });
    engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    engine.onServiceOutcome('notify-social', 1, { outcome: 'rejected', reason: 'not affiliated' });
    expect(engine.status).toBe('active');
    engine.onServiceOutcome('notify-tax', 1, { outcome: 'completed', outputs: { 'tax.reference': 'T-1' } });
    // `permit` depends on the rejected step: cancelled, and so is `confirm`; nothing is left, the journey completes.
    expect(stepOf(engine, 'permit').status).toBe('cancelled');
    expect(engine.status).toBe('completed');
  });

  it('skips a step whose condition is false, and its dependants still run', () => {
    const definition = fanOutLifeEvent();
    const steps = definition.steps.map((s): StepDefinition =>
      s.id === 'notify-tax' ? { ...s, when: { field: 'person.name', equals: 'Bob' } } : s,
    );
    const { engine } = started({ ...definition, steps });
    engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    expect(stepOf(engine, 'notify-tax').status).toBe('skipped');
    engine.onServiceOutcome('notify-social', 1, { outcome: 'completed', outputs: { 'social.reference': 'S-1' } });
    expect(stepOf(engine, 'permit').status).toBe('in-progress');
  });

  it('withdraws: open steps cancelled, completed steps compensated, then nothing more applies', () => {
    const { engine } = started();
    engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    const { receipt } = engine.withdraw({ idempotencyKey: 'w-1', actor: citizen, reason: 'changed my mind' });
    expect(receipt.result).toBe('applied');
    expect(engine.status).toBe('withdrawn');
    expect(engine.takeCompensations().map((r) => r.stepId)).toEqual(['register']);
    expect(engine.withdraw({ idempotencyKey: 'w-2', actor: citizen }).receipt.result).toBe('ignored');
    expect(engine.onServiceOutcome('notify-tax', 1, { outcome: 'completed', outputs: {} })).toEqual([]);
  });

  it('applies the expiry rule of a statutory term', () => {
    const refused = atPermit();
    refused.engine.onTermExpired('permit');
    expect(stepOf(refused.engine, 'permit')).toMatchObject({ status: 'expired', context: { expiryEffect: 'refused' } });
    expect(refused.engine.status).toBe('rejected');

    const escalating = fanOutLifeEvent();
    const steps = escalating.steps.map((s): StepDefinition =>
      s.id === 'permit' && s.term ? { ...s, term: { ...s.term, onExpiry: 'escalate' } } : s,
    );
    const { engine } = started({ ...escalating, steps });
    engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    engine.onServiceOutcome('notify-tax', 1, { outcome: 'completed', outputs: { 'tax.reference': 'T-1' } });
    engine.onServiceOutcome('notify-social', 1, { outcome: 'completed', outputs: { 'social.reference': 'S-1' } });
    engine.takeProjection();
    engine.onTermExpired('permit');
    expect(stepOf(engine, 'permit')).toMatchObject({ status: 'in-progress', context: { overdue: true } });
    expect(engine.takeProjection()?.events.map((e) => [e.type, e.rule])).toEqual([['step-overdue', 'escalate']]);
  });

  it('suspends the term while the agency waits for the subject and resumes it when they answer', () => {
    const { engine, env } = atPermit();
    const dueAt = stepOf(engine, 'permit').dueAt;
    env.advanceDays(5);
    const request = engine.requestInfo({
      idempotencyKey: 'r-1',
      stepId: 'permit',
      items: ['person.address'],
      requestedBy: officer,
    });
    expect(request.commands).toEqual([{ kind: 'cancel-timer', stepId: 'permit' }]);
    expect(stepOf(engine, 'permit')).toMatchObject({ status: 'awaiting-subject', asked: ['person.address'] });
    env.advanceDays(10);
    const answer = engine.provideInputs({
      idempotencyKey: 'in-1',
      items: { 'person.address': 'Veldstraat 2' },
      actor: citizen,
    });
    const permit = stepOf(engine, 'permit');
    expect(permit).toMatchObject({ status: 'in-progress', suspendedDays: 10 });
    // Ten days later than 1 April is Saturday 11 April; a calendar term ending on a weekend moves to Monday 13 April.
    expect(dueAt).toBe('2026-04-01T21:59:59.999Z');
    expect(permit.dueAt).toBe('2026-04-13T21:59:59.999Z');
    expect(answer.commands).toEqual([{ kind: 'start-timer', stepId: 'permit', dueAt: permit.dueAt }]);
  });

  it('fails a step after the retry budget and dispatches it again, with a new key, when the owner retries', () => {
    const { engine } = started();
    engine.onServiceFailed('register', 1, 'Error: connection refused');
    expect(stepOf(engine, 'register')).toMatchObject({ status: 'failed', reason: 'Error: connection refused' });
    expect(engine.status).toBe('active');
    const { commands } = engine.retry({
      idempotencyKey: 'retry-1',
      stepId: 'register',
      actor: { id: 'owner-1', role: 'owner' },
    });
    const call = commands.find((c) => c.kind === 'call-service');
    expect(call?.kind === 'call-service' && call.request.idempotencyKey).toMatch(/:register:2$/);
    // A late result of the first attempt changes nothing.
    expect(engine.onServiceOutcome('register', 1, { outcome: 'rejected', reason: 'late' })).toEqual([]);
    expect(stepOf(engine, 'register').status).toBe('dispatched');
  });

  it('carries its whole state over a continue-as-new', () => {
    const { engine } = atPermit();
    engine.decide(decision());
    const carried = engine.carry();
    const resumed = new JourneyEngine(inputFor(fanOutLifeEvent(), { carried }), testEnvironment());
    expect(resumed.view()).toEqual(engine.view());
    expect(resumed.decide(decision()).receipt.result).toBe('duplicate');
    resumed.provideInputs({ idempotencyKey: 'in-1', items: { 'confirm.accepted': true }, actor: citizen });
    expect(resumed.status).toBe('completed');
    expect(resumed.takeProjection()?.events[0]?.n).toBe(carried.eventCount + 1);
  });

  it('migrates to a newer version at a safe point: new steps run, done steps keep their results', () => {
    const { engine } = atPermit();
    const v1 = fanOutLifeEvent();
    const v2: LifeEventDefinition = {
      ...v1,
      version: 2,
      steps: [
        ...v1.steps.filter((s) => s.id !== 'notify-social'),
        testStep('welcome', { agency: 'alpha', mode: 'automatic', dependsOn: ['register'] }),
      ],
    };
    const { receipt, commands } = engine.migrate({
      idempotencyKey: 'm-1',
      snapshot: snapshotOf(v2),
      actor: { id: 'owner-1', role: 'owner' },
    });
    expect(receipt.result).toBe('applied');
    expect(calls(commands)).toEqual(['welcome']);
    const view = engine.view();
    expect(view.lifeEvent.version).toBe(2);
    expect(view.steps.find((s) => s.id === 'notify-social')?.status).toBe('completed');
    expect(engine.takeProjection()?.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['journey-migrated', 'step-dispatched']),
    );
    // The retired step survives a continue-as-new.
    const resumed = new JourneyEngine(inputFor(v2, { carried: engine.carry() }), testEnvironment());
    expect(resumed.view().steps.map((s) => s.id)).toContain('notify-social');
    expect(
      engine.migrate({ idempotencyKey: 'm-1', snapshot: snapshotOf(v2), actor: { id: 'owner-1', role: 'owner' } })
        .receipt.result,
    ).toBe('duplicate');
  });

  it('refuses to migrate while a step under way would disappear', () => {
    const { engine } = atPermit();
    const v1 = fanOutLifeEvent();
    const v2: LifeEventDefinition = {
      ...v1,
      version: 2,
      steps: v1.steps.filter((s) => s.id !== 'permit' && s.id !== 'confirm'),
    };
    const { receipt } = engine.migrate({
      idempotencyKey: 'm-2',
      snapshot: snapshotOf(v2),
      actor: { id: 'owner-1', role: 'owner' },
    });
    expect(receipt).toMatchObject({ result: 'ignored', detail: 'step permit is in-progress and version 2 removes it' });
    expect(engine.view().lifeEvent.version).toBe(1);
  });

  it('completes a citizen step at once when the vault already knows its items', () => {
    const definition: LifeEventDefinition = {
      ...fanOutLifeEvent(),
      steps: [
        testStep('confirm', {
          agency: 'alpha',
          mode: 'citizen',
          produces: ['person.address'],
          title: texts('Confirm address'),
        }),
      ],
    };
    const { engine } = started(definition);
    expect(stepOf(engine, 'confirm')).toMatchObject({ status: 'completed', reused: ['person.address'] });
    expect(engine.status).toBe('completed');
  });

  it('keeps what it learns about an enterprise it founds for itself until the number comes, then gives it to the enterprise', () => {
    const vocabulary: DataVocabulary = {
      'person.name': { type: 'string', scope: 'person' },
      'person.address': { type: 'string', scope: 'person' },
      'trade.name': { type: 'string', scope: 'enterprise' },
      'case.number': { type: 'string', scope: 'enterprise', identifier: true },
      'tax.reference': { type: 'string', scope: 'enterprise' },
      'social.reference': { type: 'string', scope: 'enterprise' },
      'permit.number': { type: 'string', scope: 'enterprise' },
      'confirm.accepted': { type: 'boolean', scope: 'journey' },
    };
    const definition = fanOutLifeEvent();
    const { engine } = started(definition, {
      vocabulary,
      data: { 'person.name': 'Ada', 'trade.name': 'Alpha' },
      provenance: { 'person.name': { kind: 'intake' }, 'trade.name': { kind: 'intake' } },
    });
    expect(engine.view().entities).toBeUndefined();
    engine.takeProjection();

    engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    const enterprise = { scope: 'enterprise', identifier: 'case.number', number: 'C-1' };
    expect(engine.view().entities).toEqual({ enterprise: { identifier: 'case.number', number: 'C-1' } });
    expect(
      engine.takeProjection()?.dataWrites.map(({ item, scope, provenance }) => ({ item, scope, provenance })),
    ).toEqual([
      { item: 'case.number', scope: enterprise, provenance: { kind: 'step', stepId: 'register', agency: 'alpha' } },
      { item: 'trade.name', scope: enterprise, provenance: { kind: 'intake' } },
    ]);

    engine.onServiceOutcome('notify-tax', 1, { outcome: 'completed', outputs: { 'tax.reference': 'T-1' } });
    expect(engine.takeProjection()?.dataWrites.map(({ item, scope }) => ({ item, scope }))).toEqual([
      { item: 'tax.reference', scope: enterprise },
    ]);
  });

  it('keeps what it learns for itself only when the journey started before scopes (no vocabulary)', () => {
    const { engine } = started();
    engine.takeProjection();
    engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    expect(engine.takeProjection()?.dataWrites.map(({ item, scope }) => ({ item, scope }))).toEqual([
      { item: 'case.number', scope: { scope: 'journey' } },
    ]);
  });

  describe('refusals that lead somewhere', () => {
    const resubmittable = (): LifeEventDefinition => {
      const definition = fanOutLifeEvent();
      return {
        ...definition,
        steps: definition.steps.map((step) =>
          step.id === 'permit'
            ? { ...step, refusal: { allows: 'resubmit' as const, within: { days: 10, unit: 'calendar' as const } } }
            : step,
        ),
      };
    };
    const appealable = (): LifeEventDefinition => {
      const definition = fanOutLifeEvent();
      return {
        ...definition,
        steps: definition.steps.map((step) =>
          step.id === 'permit'
            ? {
                ...step,
                refusal: {
                  allows: 'appeal' as const,
                  within: { days: 30, unit: 'calendar' as const },
                  appeal: {
                    agency: 'gamma',
                    service: 'objection',
                    title: texts('Bezwaar'),
                    term: { days: 60, unit: 'calendar' as const, onExpiry: 'escalate' as const },
                  },
                },
              }
            : step,
        ),
      };
    };
    function refusedPermit(definition: LifeEventDefinition, patched?: () => boolean) {
      const env = { ...testEnvironment(), ...(patched ? { patched } : {}) };
      const engine = new JourneyEngine(inputFor(definition), env);
      engine.start();
      engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
      engine.onServiceOutcome('notify-tax', 1, { outcome: 'completed', outputs: { 'tax.reference': 'T-1' } });
      engine.onServiceOutcome('notify-social', 1, { outcome: 'completed', outputs: { 'social.reference': 'S-1' } });
      const { commands } = engine.decide(decision({ outcome: 'rejected', reason: 'the plan lacks a fire exit' }));
      return { engine, env, commands };
    }

    it('waits for the subject to resubmit, runs the step again as a new attempt, and keeps both in the timeline', () => {
      const { engine, commands } = refusedPermit(resubmittable());
      expect(engine.status).toBe('active');
      const permit = stepOf(engine, 'permit');
      expect(permit).toMatchObject({ status: 'rejected', refusal: { allows: 'resubmit' } });
      expect(commands).toContainEqual({ kind: 'start-timer', stepId: 'permit:refusal', dueAt: permit.refusal?.until });
      expect(stepOf(engine, 'confirm').status).toBe('pending');
      const firstTask = permit.taskId;

      const resubmitted = engine.resubmit({
        idempotencyKey: 'resubmit-1',
        stepId: 'permit',
        items: { 'person.address': 'Kerkstraat 2' },
        actor: citizen,
      });
      expect(resubmitted.receipt.result).toBe('applied');
      expect(resubmitted.commands).toContainEqual({ kind: 'cancel-timer', stepId: 'permit:refusal' });
      const again = stepOf(engine, 'permit');
      expect(again).toMatchObject({ status: 'in-progress', attempt: 2 });
      expect(again.refusal).toBeUndefined();
      expect(again.taskId).not.toBe(firstTask);
      expect(engine.takeProjection()?.dataWrites.map((w) => w.item)).toContain('person.address');

      engine.decide(decision({ idempotencyKey: 'decision-2' }));
      expect(stepOf(engine, 'permit').status).toBe('completed');
      expect(stepOf(engine, 'confirm').status).toBe('in-progress');
      const carried = engine.carry();
      expect(carried.journey.steps.find((step) => step.id === 'permit')?.attempt).toBe(2);
    });

    it('refuses a resubmission of data the step does not need, or of a refusal that allows none', () => {
      const { engine } = refusedPermit(resubmittable());
      const unneeded = engine.resubmit({
        idempotencyKey: 'r-1',
        stepId: 'permit',
        items: { 'x.y': 1 },
        actor: citizen,
      });
      expect(unneeded.receipt).toMatchObject({ result: 'ignored', detail: 'step permit does not need x.y' });
      const wrongStep = engine.resubmit({ idempotencyKey: 'r-2', stepId: 'register', items: {}, actor: citizen });
      expect(wrongStep.receipt.detail).toBe('step register has no refusal that allows a resubmission');
      expect(engine.appeal({ idempotencyKey: 'a-1', stepId: 'permit', actor: citizen }).receipt.detail).toBe(
        'step permit has no refusal that allows an appeal',
      );
    });

    it('lets the refusal stand when the term ends unanswered: a critical step ends the journey', () => {
      const { engine, env } = refusedPermit(resubmittable());
      env.advanceDays(11);
      engine.onTermExpired('permit:refusal');
      expect(engine.status).toBe('rejected');
      expect(stepOf(engine, 'confirm').status).toBe('cancelled');
    });

    it('sends an appeal to the body named, with its term, and goes on when it is upheld', () => {
      const { engine } = refusedPermit(appealable());
      const appealed = engine.appeal({
        idempotencyKey: 'a-1',
        stepId: 'permit',
        reason: 'the exit is there',
        actor: citizen,
      });
      expect(appealed.receipt.result).toBe('applied');
      expect(appealed.commands).toContainEqual({ kind: 'cancel-timer', stepId: 'permit:refusal' });
      const appeal = stepOf(engine, 'permit-appeal');
      expect(appeal).toMatchObject({ status: 'in-progress', agency: 'gamma', mode: 'manual' });
      expect(appeal.dueAt).toBeDefined();
      expect(engine.appeal({ idempotencyKey: 'a-2', stepId: 'permit', actor: citizen }).receipt.result).toBe('ignored');

      engine.decide(decision({ idempotencyKey: 'appeal-decision', stepId: 'permit-appeal' }));
      expect(stepOf(engine, 'permit-appeal').status).toBe('completed');
      expect(stepOf(engine, 'permit')).toMatchObject({ status: 'rejected' });
      expect(stepOf(engine, 'permit').refusal).toBeUndefined();
      expect(stepOf(engine, 'confirm').status).toBe('in-progress');
    });

    it('ends the journey when the appeal is refused too', () => {
      const { engine } = refusedPermit(appealable());
      engine.appeal({ idempotencyKey: 'a-1', stepId: 'permit', actor: citizen });
      engine.decide(
        decision({ idempotencyKey: 'appeal-decision', stepId: 'permit-appeal', outcome: 'rejected', reason: 'no' }),
      );
      expect(engine.status).toBe('rejected');
    });

    it('keeps the old behaviour in a history recorded before the patch', () => {
      const { engine, commands } = refusedPermit(resubmittable(), () => false);
      expect(engine.status).toBe('rejected');
      expect(commands.some((c) => c.kind === 'start-timer' && c.stepId === 'permit:refusal')).toBe(false);
    });
  });

  it('lets an automatic step ask the subject: term suspended, then the same service called again with the answers', () => {
    const { engine } = started();
    const asked = engine.onServiceOutcome('register', 1, {
      outcome: 'information-requested',
      items: ['person.address'],
      message: 'Which address is the seat?',
    });
    expect(calls(asked)).toEqual([]);
    expect(stepOf(engine, 'register')).toMatchObject({ status: 'awaiting-subject', asked: ['person.address'] });

    const answered = engine.provideInputs({
      idempotencyKey: 'answer-1',
      items: { 'person.address': 'Markt 1' },
      actor: citizen,
    });
    const call = answered.commands.find((c) => c.kind === 'call-service');
    expect(call?.kind === 'call-service' && call.request).toMatchObject({
      idempotencyKey: 'journey-test-fanout-00000000-0000-4000-8000-000000000001:register:1:answers-1',
      items: { 'person.name': 'Ada', 'person.address': 'Markt 1' },
      answered: ['person.address'],
    });
    expect(stepOf(engine, 'register').status).toBe('in-progress');
    engine.onServiceOutcome('register', 1, { outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    expect(stepOf(engine, 'register').status).toBe('completed');
  });

  it('fails a step whose agency asks for an item the life event does not know', () => {
    const { engine } = started();
    engine.onServiceOutcome('register', 1, { outcome: 'information-requested', items: ['x.secret'], message: 'x' });
    expect(stepOf(engine, 'register')).toMatchObject({ status: 'failed' });
  });
});
