import type {
  Actor,
  CarriedJourney,
  DataWrite,
  HeldInput,
  KeptDecision,
  KeptReceipt,
  InfoRequest,
  JourneyInput,
  JourneyState,
  MessageReceipt,
  ProjectionUpdate,
  Provenance,
  ServiceOutcome,
  ServiceRequest,
  StepAppeal,
  StepDecision,
  StepResubmission,
  StepRetry,
  VersionMigration,
  StepState,
  SubjectInputs,
  TimelineEvent,
  Withdrawal,
} from '@passage/contracts';
import { stepIdempotencyKey } from '@passage/contracts';
import {
  appealStep,
  appealStepId,
  assessMigration,
  boundEntities,
  dataScopeOf,
  evaluateCondition,
  expectedCompletion,
  FINAL_STEP_STATUSES,
  formatDay,
  isExpired,
  isRefusalOpen,
  journeyTransition,
  refusalOutlook,
  resolveTermAnchor,
  resumeTerm,
  scopeKeyOf,
  stepTransition,
  suspendTerm,
  termDueAt,
  type Channel,
  type DataValue,
  type DataVocabulary,
  type DefinitionSnapshot,
  type JourneyEvent,
  type LifeEventDefinition,
  type StepDefinition,
  type StepEvent,
  type StepStatus,
  type SuspendedTerm,
} from '@passage/journey-model';
import { JOURNEY_PATCHES } from './patches';

/** The timer of a refusal's term (to resubmit or to appeal) runs under the step's id with this suffix. */
const REFUSAL_TIMER = ':refusal';

/** What the workflow shell must do after the engine handled something. */
export type EngineCommand =
  | {
      readonly kind: 'call-service';
      readonly stepId: string;
      readonly attempt: number;
      readonly request: ServiceRequest;
      /**
       * The call may be cancelled while the journey goes on: its step has a term, which can expire with a tacit
       * decision. Any term counts, not only tacit ones: a migration may change the expiry rule of a step in flight.
       */
      readonly cancelledAlone: boolean;
    }
  | { readonly kind: 'cancel-service'; readonly stepId: string }
  | { readonly kind: 'start-timer'; readonly stepId: string; readonly dueAt: string }
  | { readonly kind: 'cancel-timer'; readonly stepId: string };

/** Sources of time and identifiers; in a workflow they are Temporal's deterministic ones. */
export interface EngineEnvironment {
  now(): string;
  newId(): string;
  /**
   * Whether a change guarded by a patch applies (Temporal's `patched()` in a workflow; always, when absent): a
   * behaviour that issues other commands than a recorded history did must be asked for where it begins.
   */
  patched?(patchId: string): boolean;
}

/** How the engine treats messages; journeys recorded before a behaviour keep the one they ran with. */
export interface EngineBehaviour {
  /**
   * Inputs for items a step will ask for are held until it does; an ignored message is not remembered (the same
   * message again is weighed again, never reported `duplicate`); a decision that contradicts the step's decision is
   * a `conflict` and one that repeats it a `duplicate`, whatever its key; receipts are kept for a window
   * ({@link RECEIPT_WINDOW}).
   */
  readonly truthfulMessages: boolean;
}

/** Receipts are kept for the last this many messages, and at most this many days (decisions are kept apart). */
export const RECEIPT_WINDOW = { count: 1_000, days: 30 } as const;

type MutableStep = { -readonly [K in keyof StepState]: StepState[K] };

interface StepRuntime {
  def: StepDefinition;
  state: MutableStep;
  /** Remaining term while the step is suspended for the subject. */
  suspended?: SuspendedTerm;
}

const SATISFIED: readonly StepStatus[] = ['completed', 'skipped'];
/** Modes whose steps are a service call the shell has in flight while they are `dispatched`. */
const SERVICE_MODES: readonly StepDefinition['mode'][] = ['automatic', 'proactive'];
/** Timeline events that only record automatic progress: nobody has to act on them. */
const ROUTINE_EVENTS: ReadonlySet<TimelineEvent['type']> = new Set([
  'step-ready',
  'step-dispatched',
  'data-shared',
  'data-reused',
  'step-completed',
  'step-skipped',
]);

/**
 * The journey interpreter's core: applies events to a journey (the XState step and journey machines decide every
 * transition) and returns the commands the workflow carries out. It performs no I/O, so it is unit-tested without
 * Temporal; the workflow shell feeds it activity results, timers and messages.
 */
export class JourneyEngine {
  private definition: LifeEventDefinition;
  private snapshot: DefinitionSnapshot;
  private readonly steps = new Map<string, StepRuntime>();
  private readonly data: Record<string, DataValue>;
  private readonly provenance: Record<string, Provenance>;
  /** Receipts by idempotency key, oldest first. */
  private readonly receipts = new Map<string, KeptReceipt>();
  /** The decision each step took through a message, to tell a repeat from a contradiction. */
  private readonly decisions = new Map<string, KeptDecision>();
  /** Inputs given before a step asked for them. */
  private readonly held = new Map<string, HeldInput>();
  private journey: JourneyState;
  private eventCount: number;
  private completionOrder: string[];
  private pendingEvents: TimelineEvent[] = [];
  private pendingWrites: DataWrite[] = [];
  private commands: EngineCommand[] = [];
  private compensations: ServiceRequest[] = [];
  /** Expected dates follow every change but are only read when the journey is viewed: computed then, once. */
  private expectedDatesStale = false;
  private lastChangeAt = '';
  private readonly vocabulary: DataVocabulary;

  constructor(
    private readonly input: JourneyInput,
    private readonly env: EngineEnvironment,
    private readonly behaviour: EngineBehaviour = { truthfulMessages: true },
  ) {
    this.snapshot = input.snapshot;
    this.definition = input.snapshot.definition;
    this.vocabulary = input.vocabulary ?? {};
    const carried = input.carried;
    this.data = { ...input.data };
    this.provenance = { ...input.provenance };
    this.eventCount = 0;
    this.completionOrder = [];
    this.journey = {
      journeyId: input.journeyId,
      lifeEvent: { id: input.snapshot.id, version: input.snapshot.version, hash: input.snapshot.hash },
      owner: this.definition.owner,
      subject: input.subject,
      language: input.language,
      channel: input.channel,
      status: 'active',
      startedAt: env.now(),
      seq: 0,
      steps: [],
      provenance: this.provenance,
      proactive: input.proactive !== undefined,
      ...this.entitiesNow(),
    };
    for (const def of this.definition.steps) this.steps.set(def.id, { def, state: initialStep(def) });
    if (carried) this.restore(carried);
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------------

  /** Records the start and dispatches every step that can run. */
  start(): EngineCommand[] {
    this.emit({ type: 'journey-started', channel: this.input.channel, actor: this.input.startedBy });
    const reused = Object.keys(this.input.data).filter((item) => this.provenance[item]?.kind === 'reused');
    const given = Object.keys(this.input.data).filter((item) => this.provenance[item]?.kind !== 'reused');
    if (given.length > 0) this.emit({ type: 'data-provided', items: given, actor: this.input.startedBy });
    if (reused.length > 0) this.emit({ type: 'data-reused', items: reused });
    return this.settle();
  }

  /** After a continue-as-new: the timers of open steps must run again. */
  resumeTimers(): EngineCommand[] {
    for (const { state, suspended } of this.steps.values()) {
      if (state.dueAt && !suspended && !FINAL_STEP_STATUSES.includes(state.status) && !state.context.overdue) {
        this.commands.push({ kind: 'start-timer', stepId: state.id, dueAt: state.dueAt });
      }
    }
    return this.drainCommands();
  }

  get status(): JourneyState['status'] {
    return this.journey.status;
  }

  get isFinished(): boolean {
    return this.journey.status !== 'active';
  }

  /** The journey as a query answers it: statuses and dates, never data values. Changes nothing (queries call it). */
  view(): JourneyState {
    const expected = this.expectedDatesStale ? this.expectedDates() : undefined;
    return {
      ...this.journey,
      ...(expected && { expectedAt: expected.journey }),
      steps: [...this.steps.values()].map(({ state }) =>
        expected ? { ...state, expectedAt: expected.steps[state.id] } : { ...state },
      ),
      provenance: { ...this.provenance },
    };
  }

  carry(): CarriedJourney {
    this.storeExpectedDates();
    const suspended: Record<string, SuspendedTerm> = {};
    for (const [id, runtime] of this.steps) if (runtime.suspended) suspended[id] = runtime.suspended;
    if (this.behaviour.truthfulMessages) this.compactReceipts();
    return {
      journey: this.view(),
      data: { ...this.data },
      receipts: Object.fromEntries(this.receipts),
      ...(this.decisions.size > 0 && { decisions: Object.fromEntries(this.decisions) }),
      ...(this.held.size > 0 && { held: Object.fromEntries(this.held) }),
      eventCount: this.eventCount,
      completionOrder: [...this.completionOrder],
      suspended,
      retired: [...this.steps.values()]
        .map(({ def }) => def)
        .filter((def) => !this.definition.steps.some((step) => step.id === def.id)),
    };
  }

  /** Everything that changed since the last call, for the projection activity; undefined when nothing did. */
  takeProjection(): ProjectionUpdate | undefined {
    if (this.pendingEvents.length === 0 && this.pendingWrites.length === 0) return undefined;
    this.storeExpectedDates();
    const update: ProjectionUpdate = { state: this.view(), events: this.pendingEvents, dataWrites: this.pendingWrites };
    this.pendingEvents = [];
    this.pendingWrites = [];
    return update;
  }

  /**
   * True while the projection may wait: a service call is in flight (its outcome brings the next change soon) and
   * every change since the last projection is routine progress of automatic steps. A change someone acts on (a task,
   * a question, a failure, the end of the journey) never waits.
   */
  projectionCanWait(): boolean {
    const inFlight = [...this.steps.values()].some(
      ({ def, state }) => SERVICE_MODES.includes(def.mode) && state.status === 'dispatched',
    );
    return (
      inFlight &&
      this.pendingEvents.every(
        (event) =>
          ROUTINE_EVENTS.has(event.type) &&
          event.stepId !== undefined &&
          SERVICE_MODES.includes(this.steps.get(event.stepId)?.def.mode ?? 'manual'),
      )
    );
  }

  /** The saga's compensations, most recently completed step first; handed out once. */
  takeCompensations(): ServiceRequest[] {
    const plan = this.compensations;
    this.compensations = [];
    return plan;
  }

  // ---- results of the shell's work ---------------------------------------------------------------------------------

  onServiceOutcome(stepId: string, attempt: number, outcome: ServiceOutcome): EngineCommand[] {
    const runtime = this.steps.get(stepId);
    if (!runtime || runtime.state.attempt !== attempt) return [];
    switch (outcome.outcome) {
      case 'completed':
        this.complete(runtime, outcome.outputs, { kind: 'step', stepId, agency: runtime.def.agency });
        break;
      case 'rejected':
        this.reject(runtime, outcome.reason);
        break;
      case 'accepted':
        this.step(runtime, { type: 'ACCEPT' }, { type: 'step-accepted' });
        break;
      case 'information-requested':
        this.askSubject(
          runtime,
          outcome.items,
          { id: runtime.def.agency, role: 'agency', agency: runtime.def.agency },
          outcome.message,
        );
        break;
    }
    return this.settle();
  }

  /**
   * An agency asks the subject for data items, from any kind of step: the step waits for the subject with its term
   * suspended. Items the life event does not know are not asked: the step fails, visibly, for the owner to look at.
   */
  private askSubject(runtime: StepRuntime, items: readonly string[], by: Actor, message?: string): string | undefined {
    const unknown = items.filter((item) => !Object.hasOwn(this.definition.dataItems, item));
    if (unknown.length > 0) {
      const reason = `asked for data items the life event does not know: ${unknown.join(', ')}`;
      if (this.step(runtime, { type: 'FAIL' }, { type: 'step-failed', reason })) runtime.state.reason = reason;
      return reason;
    }
    const before = runtime.state.status;
    if (!this.step(runtime, { type: 'REQUEST_INFO' }, { type: 'info-requested', items, actor: by, reason: message }))
      return `step ${runtime.def.id} is ${before}`;
    runtime.state.asked = [...items];
    this.emit({ type: 'data-asked', stepId: runtime.def.id, agency: runtime.def.agency, items, reason: message });
    return undefined;
  }

  onServiceFailed(stepId: string, attempt: number, reason: string): EngineCommand[] {
    const runtime = this.steps.get(stepId);
    if (!runtime || runtime.state.attempt !== attempt) return [];
    if (this.step(runtime, { type: 'FAIL' }, { type: 'step-failed', reason })) runtime.state.reason = reason;
    return this.settle();
  }

  onTermExpired(stepId: string): EngineCommand[] {
    if (stepId.endsWith(REFUSAL_TIMER)) return this.onRefusalTermEnded(stepId.slice(0, -REFUSAL_TIMER.length));
    const runtime = this.steps.get(stepId);
    const rule = runtime?.def.term?.onExpiry;
    if (!runtime || !rule) return [];
    const before = runtime.state.status;
    if (this.step(runtime, { type: 'EXPIRE', rule }, undefined)) {
      const type = runtime.state.status === 'expired' ? 'step-expired' : 'step-overdue';
      this.emit({ type, stepId, agency: runtime.def.agency, rule });
      if (runtime.state.status === 'expired') {
        runtime.state.finishedAt = this.env.now();
        if (runtime.state.context.expiryEffect === 'approved') this.completionOrder.push(stepId);
        if (runtime.state.context.expiryEffect === 'refused')
          this.afterRejection(runtime, `tacit refusal: term expired while ${before}`);
      }
    }
    return this.settle();
  }

  /** The subject did not resubmit or appeal in time: the refusal stands, with what it means for the journey. */
  private onRefusalTermEnded(stepId: string): EngineCommand[] {
    const runtime = this.steps.get(stepId);
    const refusal = runtime?.state.refusal;
    if (!runtime || !refusal || refusal.appealed) return [];
    runtime.state.refusal = undefined;
    this.bump();
    this.refusalStands(runtime, runtime.state.reason ?? 'refused');
    return this.settle();
  }

  onCompensated(request: ServiceRequest, failure?: string): void {
    this.emit({ type: 'step-compensated', stepId: request.stepId, agency: request.agency, reason: failure });
    this.bump();
  }

  // ---- messages ----------------------------------------------------------------------------------------------------

  decide(decision: StepDecision): { receipt: MessageReceipt; commands: EngineCommand[] } {
    if (this.behaviour.truthfulMessages) {
      const earlier = this.decisions.get(decision.stepId);
      if (earlier) {
        const receipt: MessageReceipt = sameDecision(earlier, decision)
          ? { ...earlier.receipt, result: 'duplicate' }
          : {
              result: 'conflict',
              seq: this.journey.seq,
              detail: `step ${decision.stepId} was already ${earlier.outcome}`,
            };
        return { receipt, commands: [] };
      }
      const taken = this.decideOnce(decision);
      if (taken.receipt.result === 'applied') {
        this.decisions.set(decision.stepId, {
          outcome: decision.outcome,
          ...(decision.outcome === 'approved' && { outputs: canonical(decision.outputs ?? {}) }),
          receipt: taken.receipt,
        });
      }
      return taken;
    }
    return this.decideOnce(decision);
  }

  private decideOnce(decision: StepDecision): { receipt: MessageReceipt; commands: EngineCommand[] } {
    return this.message(decision.idempotencyKey, () => {
      const runtime = this.steps.get(decision.stepId);
      if (!runtime || !['dispatched', 'in-progress', 'awaiting-subject'].includes(runtime.state.status)) {
        return `step ${decision.stepId} is not awaiting a decision`;
      }
      runtime.state.decidedBy = decision.decidedBy.id;
      if (decision.outcome === 'approved') {
        this.complete(
          runtime,
          decision.outputs ?? {},
          { kind: 'step', stepId: runtime.def.id, agency: runtime.def.agency },
          decision.decidedBy,
        );
      } else {
        this.reject(runtime, decision.reason ?? 'rejected', decision.decidedBy);
      }
      return undefined;
    });
  }

  provideInputs(inputs: SubjectInputs): { receipt: MessageReceipt; commands: EngineCommand[] } {
    return this.message(inputs.idempotencyKey, () => {
      const asked = new Set([...this.steps.values()].flatMap(({ state }) => state.asked ?? []));
      const accepted = Object.keys(inputs.items).filter((item) => asked.has(item));
      const early = this.behaviour.truthfulMessages
        ? Object.keys(inputs.items).filter((item) => !asked.has(item) && this.willAsk(item))
        : [];
      for (const item of early) this.held.set(item, { value: inputs.items[item], actor: inputs.actor });
      if (accepted.length === 0) return early.length > 0 ? undefined : 'none of these items is asked now';
      this.learn(
        accepted.map((item) => [item, inputs.items[item]]),
        { kind: 'subject' },
      );
      this.emit({ type: 'data-provided', items: accepted, actor: inputs.actor, channel: channelOf(inputs.actor) });
      for (const runtime of this.steps.values()) {
        const askedBefore = runtime.state.asked ?? [];
        const remaining = askedBefore.filter((item) => !accepted.includes(item));
        if (remaining.length === askedBefore.length) continue;
        runtime.state.asked = remaining;
        runtime.state.answered = [...new Set([...(runtime.state.answered ?? []), ...askedBefore])];
        if (remaining.length > 0) continue;
        if (runtime.state.status === 'awaiting-subject') {
          this.step(runtime, { type: 'INFO_PROVIDED' }, { type: 'info-provided', actor: inputs.actor });
          if (SERVICE_MODES.includes(runtime.def.mode)) this.callAgain(runtime);
        } else if (runtime.def.mode === 'citizen') {
          this.complete(
            runtime,
            pick(this.data, runtime.def.produces),
            { kind: 'subject', stepId: runtime.def.id },
            inputs.actor,
            false,
          );
        }
      }
      return undefined;
    });
  }

  requestInfo(request: InfoRequest): { receipt: MessageReceipt; commands: EngineCommand[] } {
    return this.message(request.idempotencyKey, () => {
      const runtime = this.steps.get(request.stepId);
      if (!runtime || runtime.def.mode !== 'manual') return `step ${request.stepId} is not decided in an inbox`;
      return this.askSubject(runtime, request.items, request.requestedBy);
    });
  }

  /** The subject answers a refusal with new data: the same step runs again as a new attempt. */
  resubmit(resubmission: StepResubmission): { receipt: MessageReceipt; commands: EngineCommand[] } {
    return this.message(resubmission.idempotencyKey, () => {
      const runtime = this.steps.get(resubmission.stepId);
      const refusal = runtime?.state.refusal;
      if (!runtime || refusal?.allows !== 'resubmit')
        return `step ${resubmission.stepId} has no refusal that allows a resubmission`;
      const ended = this.refusalTermEnded(refusal);
      if (ended) return `the term to resubmit ended on ${ended}`;
      const unneeded = Object.keys(resubmission.items).filter((item) => !runtime.def.needs.includes(item));
      if (unneeded.length > 0) return `step ${runtime.def.id} does not need ${unneeded.join(', ')}`;
      this.learn(Object.entries(resubmission.items), { kind: 'subject', stepId: runtime.def.id });
      if (refusal.until) this.commands.push({ kind: 'cancel-timer', stepId: runtime.def.id + REFUSAL_TIMER });
      const { state } = runtime;
      // The new attempt is decided afresh: the refusal was the earlier attempt's decision.
      this.decisions.delete(runtime.def.id);
      state.attempt += 1;
      for (const done of ['refusal', 'reason', 'finishedAt', 'decidedBy', 'taskId', 'asked', 'dueAt'] as const)
        state[done] = undefined;
      this.emit({
        type: 'step-resubmitted',
        stepId: runtime.def.id,
        agency: runtime.def.agency,
        items: Object.keys(resubmission.items).length > 0 ? Object.keys(resubmission.items) : undefined,
        actor: resubmission.actor,
        channel: channelOf(resubmission.actor),
        attempt: state.attempt,
      });
      this.step(runtime, { type: 'RESUBMIT' }, undefined);
      return undefined;
    });
  }

  /** The subject appeals a refusal: the appeal step goes to the body the step's policy names, with its term. */
  appeal(appeal: StepAppeal): { receipt: MessageReceipt; commands: EngineCommand[] } {
    return this.message(appeal.idempotencyKey, () => {
      const runtime = this.steps.get(appeal.stepId);
      const refusal = runtime?.state.refusal;
      const def = runtime && appealStep(runtime.def);
      if (!runtime || !def || refusal?.allows !== 'appeal' || refusal.appealed)
        return `step ${appeal.stepId} has no refusal that allows an appeal`;
      const ended = this.refusalTermEnded(refusal);
      if (ended) return `the term to appeal ended on ${ended}`;
      if (refusal.until) this.commands.push({ kind: 'cancel-timer', stepId: runtime.def.id + REFUSAL_TIMER });
      runtime.state.refusal = { ...refusal, appealed: true };
      this.emit({
        type: 'step-appealed',
        stepId: runtime.def.id,
        agency: def.agency,
        reason: appeal.reason,
        actor: appeal.actor,
        channel: channelOf(appeal.actor),
      });
      const appealed: StepRuntime = { def, state: initialStep(def) };
      this.steps.set(def.id, appealed);
      appealed.state.readyAt = this.env.now();
      this.step(appealed, { type: 'ACTIVATE' }, { type: 'step-ready' });
      this.step(appealed, { type: 'DISPATCH' }, undefined);
      return undefined;
    });
  }

  /** The day the refusal's term ended, in the journey's language, when it has; else undefined. */
  private refusalTermEnded(refusal: NonNullable<StepState['refusal']>): string | undefined {
    return refusal.until && isExpired(refusal.until, this.env.now())
      ? formatDay(refusal.until, this.journey.language)
      : undefined;
  }

  withdraw(withdrawal: Withdrawal): { receipt: MessageReceipt; commands: EngineCommand[] } {
    return this.message(withdrawal.idempotencyKey, () => {
      if (this.isFinished) return `journey is ${this.journey.status}`;
      this.endJourney({ type: 'WITHDRAW' }, 'journey-withdrawn', withdrawal.actor, withdrawal.reason);
      return undefined;
    });
  }

  /** Moves the journey to a newer version when no step under way would be lost; done steps keep their results. */
  migrate(migration: VersionMigration): { receipt: MessageReceipt; commands: EngineCommand[] } {
    return this.message(migration.idempotencyKey, () => {
      if (this.isFinished) return `journey is ${this.journey.status}`;
      const target = migration.snapshot;
      const assessment = assessMigration(
        [...this.steps.values()].map(({ state }) => state),
        this.definition,
        target.definition,
      );
      if (!assessment.canMove) return assessment.reasons.join('; ');
      const from = this.journey.lifeEvent.version;
      for (const def of target.definition.steps) {
        const runtime = this.steps.get(def.id);
        if (runtime) runtime.def = def;
        else this.steps.set(def.id, { def, state: initialStep(def) });
      }
      this.snapshot = target;
      this.definition = target.definition;
      this.journey = { ...this.journey, lifeEvent: { id: target.id, version: target.version, hash: target.hash } };
      this.emit({ type: 'journey-migrated', actor: migration.actor, reason: `version ${from} → ${target.version}` });
      return undefined;
    });
  }

  /** The version the journey runs on now (it changes only through a migration). */
  get currentSnapshot(): DefinitionSnapshot {
    return this.snapshot;
  }

  retry(retry: StepRetry): { receipt: MessageReceipt; commands: EngineCommand[] } {
    return this.message(retry.idempotencyKey, () => {
      const runtime = this.steps.get(retry.stepId);
      if (!runtime || runtime.state.status !== 'failed') return `step ${retry.stepId} has not failed`;
      runtime.state.attempt += 1;
      runtime.state.reason = undefined;
      this.step(runtime, { type: 'RETRY' }, { type: 'step-retried', actor: retry.actor });
      return undefined;
    });
  }

  // ---- internals ---------------------------------------------------------------------------------------------------

  /** Runs a message once per idempotency key; a repeat returns `duplicate`, a message that no longer applies `ignored`. */
  private message(
    key: string,
    apply: () => string | undefined,
  ): { receipt: MessageReceipt; commands: EngineCommand[] } {
    const seen = this.receipts.get(key);
    if (seen)
      return {
        receipt: { result: 'duplicate', seq: seen.seq, ...(seen.detail && { detail: seen.detail }) },
        commands: [],
      };
    const ignoredBecause = apply();
    const commands = this.settle();
    const receipt: MessageReceipt = ignoredBecause
      ? { result: 'ignored', seq: this.journey.seq, detail: ignoredBecause }
      : { result: 'applied', seq: this.journey.seq };
    if (!this.behaviour.truthfulMessages) {
      this.receipts.set(key, receipt);
    } else if (receipt.result === 'applied') {
      this.receipts.set(key, { ...receipt, at: this.env.now() });
      if (this.receipts.size > RECEIPT_WINDOW.count) this.receipts.delete(this.receipts.keys().next().value as string);
    }
    return { receipt, commands };
  }

  /** Drops receipts older than the window (on continue-as-new: the next run starts with a bounded state). */
  private compactReceipts(): void {
    const oldest = Date.parse(this.env.now()) - RECEIPT_WINDOW.days * 86_400_000;
    for (const [key, receipt] of this.receipts) {
      if (receipt.at !== undefined && Date.parse(receipt.at) >= oldest) continue;
      this.receipts.delete(key);
    }
  }

  /** Whether a step that has not started yet asks the subject for this item (an input given now is held for it). */
  private willAsk(item: string): boolean {
    if (this.data[item] !== undefined) return false;
    return [...this.steps.values()].some(
      ({ def, state }) => def.mode === 'citizen' && state.status === 'pending' && def.produces.includes(item),
    );
  }

  /** Moves inputs held for these items into the journey's data, as given by the subject; says who gave them. */
  private takeHeld(runtime: StepRuntime): Actor | undefined {
    const { def } = runtime;
    const items = def.produces.filter((item) => this.held.has(item) && this.data[item] === undefined);
    if (items.length === 0) return undefined;
    let actor: Actor | undefined;
    const values: [string, DataValue][] = [];
    for (const item of items) {
      const held = this.held.get(item) as HeldInput;
      this.held.delete(item);
      actor = held.actor;
      values.push([item, held.value]);
    }
    this.learn(values, { kind: 'subject' });
    if (actor) {
      this.emit({ type: 'data-provided', stepId: def.id, agency: def.agency, items, actor, channel: channelOf(actor) });
    }
    return actor;
  }

  private restore(carried: CarriedJourney): void {
    this.journey = { ...carried.journey };
    Object.assign(this.data, carried.data);
    Object.assign(this.provenance, carried.journey.provenance);
    // Oldest first, whatever the keys look like (an object lists integer-like keys first).
    const receipts = Object.entries(carried.receipts).sort(([, a], [, b]) => (a.at ?? '').localeCompare(b.at ?? ''));
    for (const [key, receipt] of receipts) this.receipts.set(key, receipt);
    for (const [stepId, decision] of Object.entries(carried.decisions ?? {})) this.decisions.set(stepId, decision);
    for (const [item, held] of Object.entries(carried.held ?? {})) this.held.set(item, held);
    this.eventCount = carried.eventCount;
    this.completionOrder = [...carried.completionOrder];
    for (const state of carried.journey.steps) {
      const runtime = this.steps.get(state.id);
      const retired = carried.retired?.find((def) => def.id === state.id);
      if (runtime) {
        runtime.state = { ...state };
        runtime.suspended = carried.suspended[state.id];
      } else if (retired) {
        this.steps.set(state.id, { def: retired, state: { ...state } });
      }
    }
  }

  /**
   * Applies a step event through the step machine and carries out its effects. Returns false when the event does
   * not apply to the step's current status (a late or duplicate message changes nothing).
   */
  private step(runtime: StepRuntime, event: StepEvent, timeline: Omit<TimelineEvent, 'n' | 'at'> | undefined): boolean {
    const result = stepTransition(runtime.state.status, runtime.state.context, event);
    if (!result.changed) return false;
    runtime.state.status = result.status;
    runtime.state.context = result.context;
    if (timeline) this.emit({ stepId: runtime.def.id, agency: runtime.def.agency, ...timeline });
    for (const effect of result.effects) this.applyEffect(runtime, effect);
    return true;
  }

  private applyEffect(runtime: StepRuntime, effect: string): void {
    const { state, def } = runtime;
    const now = this.env.now();
    switch (effect) {
      case 'dispatch':
        this.dispatch(runtime);
        break;
      case 'startTerm': {
        if (!def.term) break;
        const anchor = resolveTermAnchor(def.term, {
          dispatchedAt: state.dispatchedAt ?? now,
          journeyStartedAt: this.journey.startedAt,
          completedAt: (id) => this.steps.get(id)?.state.finishedAt,
          data: this.data,
        });
        if (!anchor) break;
        state.dueAt = termDueAt(def.term, anchor);
        this.commands.push({ kind: 'start-timer', stepId: def.id, dueAt: state.dueAt });
        break;
      }
      case 'suspendTerm':
        if (def.term && state.dueAt) {
          runtime.suspended = suspendTerm(state.dueAt, def.term, now);
          state.suspendedAt = now;
          this.commands.push({ kind: 'cancel-timer', stepId: def.id });
        }
        break;
      case 'resumeTerm':
        if (def.term && runtime.suspended && state.suspendedAt) {
          state.dueAt = resumeTerm(runtime.suspended, def.term, now);
          state.suspendedDays = (state.suspendedDays ?? 0) + daysBetween(state.suspendedAt, now);
          state.suspendedAt = undefined;
          runtime.suspended = undefined;
          this.commands.push({ kind: 'start-timer', stepId: def.id, dueAt: state.dueAt });
        }
        break;
      case 'stopTerm':
        if (state.dueAt) this.commands.push({ kind: 'cancel-timer', stepId: def.id });
        break;
      case 'cancelWork':
        state.asked = undefined;
        if (def.mode === 'automatic' || def.mode === 'proactive')
          this.commands.push({ kind: 'cancel-service', stepId: def.id });
        break;
      // `escalate` and `remind` are recorded on the timeline; the projection turns them into an escalation task
      // for the process owner or a reminder to the subject.
      case 'escalate':
      case 'remind':
        break;
    }
  }

  private dispatch(runtime: StepRuntime): void {
    const { state, def } = runtime;
    state.dispatchedAt = this.env.now();
    state.channel = this.channelFor(def);
    this.emit({ type: 'step-dispatched', stepId: def.id, agency: def.agency, channel: state.channel });
    const reused = def.needs.filter((item) => this.provenance[item]?.kind === 'reused');
    if (reused.length > 0) {
      state.reused = reused;
      this.emit({ type: 'data-reused', stepId: def.id, agency: def.agency, items: reused });
    }
    switch (def.mode) {
      case 'automatic':
      case 'proactive': {
        const request = this.serviceRequest(def, def.service, 'perform', state.attempt);
        this.emit({ type: 'data-shared', stepId: def.id, agency: def.agency, items: Object.keys(request.items) });
        this.commands.push({
          kind: 'call-service',
          stepId: def.id,
          attempt: state.attempt,
          request,
          cancelledAlone: def.term !== undefined,
        });
        break;
      }
      case 'manual':
        // The projection opens the inbox task; the agency's staff read the needed items there (each read logged).
        state.taskId ??= this.env.newId();
        this.step(runtime, { type: 'ACCEPT' }, { type: 'step-accepted' });
        break;
      case 'citizen': {
        const givenEarlyBy = this.behaviour.truthfulMessages ? this.takeHeld(runtime) : undefined;
        const missing = def.produces.filter((item) => this.data[item] === undefined);
        if (missing.length === 0 && givenEarlyBy) {
          this.complete(
            runtime,
            pick(this.data, def.produces),
            { kind: 'subject', stepId: def.id },
            givenEarlyBy,
            false,
          );
          break;
        }
        if (missing.length === 0) {
          state.reused = [...def.produces];
          this.emit({ type: 'data-reused', stepId: def.id, agency: def.agency, items: def.produces });
          this.complete(runtime, {}, { kind: 'subject', stepId: def.id }, undefined, false);
          break;
        }
        state.asked = missing;
        this.step(runtime, { type: 'ACCEPT' }, { type: 'step-accepted' });
        this.emit({ type: 'data-asked', stepId: def.id, agency: def.agency, items: missing });
        break;
      }
    }
  }

  /** The agency asked the subject and has the answers now: the same service is called again, with them. */
  private callAgain(runtime: StepRuntime): void {
    const { def, state } = runtime;
    const answered = state.answered ?? [];
    const request = this.serviceRequest(def, def.service, 'perform', state.attempt);
    const round = (state.infoRounds ?? 0) + 1;
    state.infoRounds = round;
    const continued: ServiceRequest = {
      ...request,
      idempotencyKey: `${request.idempotencyKey}:answers-${round}`,
      items: { ...request.items, ...pick(this.data, answered) },
      answered,
    };
    this.emit({ type: 'data-shared', stepId: def.id, agency: def.agency, items: Object.keys(continued.items) });
    this.commands.push({
      kind: 'call-service',
      stepId: def.id,
      attempt: state.attempt,
      request: continued,
      cancelledAlone: def.term !== undefined,
    });
  }

  private serviceRequest(
    def: StepDefinition,
    service: string,
    kind: ServiceRequest['kind'],
    attempt: number,
  ): ServiceRequest {
    return {
      journeyId: this.journey.journeyId,
      stepId: def.id,
      lifeEvent: { id: this.journey.lifeEvent.id, version: this.journey.lifeEvent.version },
      agency: kind === 'compensate' ? (def.compensation?.agency ?? def.agency) : def.agency,
      service,
      kind,
      idempotencyKey:
        kind === 'compensate'
          ? `${stepIdempotencyKey(this.journey.journeyId, def.id, attempt)}:compensate`
          : stepIdempotencyKey(this.journey.journeyId, def.id, attempt),
      items: pick(this.data, def.needs),
      language: this.journey.language,
      dueAt: this.steps.get(def.id)?.state.dueAt,
      proactive: def.mode === 'proactive',
    };
  }

  private complete(
    runtime: StepRuntime,
    outputs: Readonly<Record<string, DataValue>>,
    provenance: Provenance,
    actor?: Actor,
    storeOutputs = true,
  ): void {
    if (!this.step(runtime, { type: 'COMPLETE' }, undefined)) return;
    const { def, state } = runtime;
    const produced = storeOutputs ? def.produces.filter((item) => outputs[item] !== undefined) : [];
    this.learn(
      produced.map((item) => [item, outputs[item]]),
      provenance,
    );
    state.finishedAt = this.env.now();
    state.asked = undefined;
    const overturned = this.appealedStep(def.id);
    if (overturned) overturned.state.refusal = undefined;
    this.completionOrder.push(def.id);
    this.emit({
      type: 'step-completed',
      stepId: def.id,
      agency: def.agency,
      items: produced.length > 0 ? produced : undefined,
      actor,
    });
  }

  /**
   * Keeps values the journey learned and hands them to the vault, each under its scope (ADR 0009). When one of them
   * is the number of an entity the journey founds (or names another entity), every value the journey holds about
   * that entity moves to it: until then they were kept for this journey only.
   */
  private learn(values: readonly (readonly [string, DataValue])[], provenance: Provenance): void {
    const before = this.journey.entities ?? {};
    for (const [item, value] of values) {
      this.data[item] = value;
      this.provenance[item] = provenance;
    }
    const entities = this.entitiesNow();
    this.journey = { ...this.journey, ...entities };
    const after = entities.entities ?? {};
    const moved = new Set(
      (Object.keys(after) as (keyof typeof after)[]).filter((scope) => after[scope]?.number !== before[scope]?.number),
    );
    const written = new Set(values.map(([item]) => item));
    const rekeyed = Object.keys(this.data).filter((item) => {
      const scope = dataScopeOf(this.definition, item, this.vocabulary);
      return !written.has(item) && scope !== undefined && moved.has(scope as keyof typeof after);
    });
    const at = this.env.now();
    for (const item of [...written, ...rekeyed]) {
      this.pendingWrites.push({
        item,
        value: this.data[item],
        provenance: this.provenance[item] ?? provenance,
        at,
        scope: scopeKeyOf(this.definition, item, this.data, this.vocabulary),
      });
    }
  }

  private entitiesNow(): Pick<JourneyState, 'entities'> {
    const entities = boundEntities(this.definition, this.data, this.vocabulary);
    return Object.keys(entities).length > 0 ? { entities } : {};
  }

  private reject(runtime: StepRuntime, reason: string, actor?: Actor): void {
    if (!this.step(runtime, { type: 'REJECT' }, { type: 'step-rejected', reason, actor })) return;
    runtime.state.finishedAt = this.env.now();
    runtime.state.reason = reason;
    runtime.state.asked = undefined;
    this.afterRejection(runtime, reason);
  }

  /**
   * A refusal the step's policy lets the subject answer (resubmit or appeal, within its term) keeps the journey
   * waiting for them. Otherwise it stands: a critical one ends the journey; any one cancels the steps that depend on
   * the refused one. A refused appeal leaves the refusal it appealed standing.
   */
  private afterRejection(runtime: StepRuntime, reason: string): void {
    const appealed = this.appealedStep(runtime.def.id);
    if (appealed) appealed.state.refusal = undefined;
    if (this.openRefusal(runtime)) return;
    this.refusalStands(runtime, reason);
  }

  private refusalStands(runtime: StepRuntime, reason: string): void {
    if (runtime.def.critical !== false) {
      this.endJourney({ type: 'CRITICAL_REJECTED' }, 'journey-rejected', undefined, `${runtime.def.id}: ${reason}`);
    }
  }

  /** Opens the refusal for the subject when the step's policy allows it, with a timer for its term. */
  private openRefusal(runtime: StepRuntime): boolean {
    const policy = runtime.def.refusal;
    if (!policy || policy.allows === 'final') return false;
    if (!(this.env.patched?.(JOURNEY_PATCHES.refusalsLeadSomewhere) ?? true)) return false;
    const now = this.env.now();
    const outlook = refusalOutlook(runtime.def, now);
    if (!isRefusalOpen(outlook, now)) return false;
    runtime.state.refusal = { allows: policy.allows, ...(outlook.until ? { until: outlook.until } : {}) };
    if (outlook.until)
      this.commands.push({ kind: 'start-timer', stepId: runtime.def.id + REFUSAL_TIMER, dueAt: outlook.until });
    return true;
  }

  /** The refused step an appeal step (`<id>-appeal`) reviews, when this is one. */
  private appealedStep(stepId: string): StepRuntime | undefined {
    for (const runtime of this.steps.values()) {
      if (appealStepId(runtime.def.id) === stepId && runtime.state.refusal?.appealed) return runtime;
    }
    return undefined;
  }

  /** A refusal overturned on appeal: the appeal step produced what the refused step would have. */
  private overturned(stepId: string): boolean {
    return this.steps.get(appealStepId(stepId))?.state.status === 'completed';
  }

  private endJourney(event: JourneyEvent, type: TimelineEvent['type'], actor?: Actor, reason?: string): void {
    const result = journeyTransition(this.journey.status, event);
    if (!result.changed) return;
    this.journey = { ...this.journey, status: result.status, finishedAt: this.env.now() };
    for (const effect of result.effects) {
      if (effect === 'cancelOpenSteps') this.cancelOpenSteps();
      if (effect === 'compensate') this.planCompensations();
    }
    this.emit({ type, actor, reason });
  }

  private cancelOpenSteps(): void {
    for (const runtime of this.steps.values()) {
      if (!FINAL_STEP_STATUSES.includes(runtime.state.status)) this.cancel(runtime, 'journey ended');
    }
  }

  private cancel(runtime: StepRuntime, reason: string): void {
    if (this.step(runtime, { type: 'CANCEL' }, { type: 'step-cancelled', reason })) {
      runtime.state.finishedAt = this.env.now();
      runtime.state.asked = undefined;
    }
  }

  private planCompensations(): void {
    this.compensations = [...this.completionOrder]
      .reverse()
      .map((id) => this.steps.get(id)?.def)
      .filter((def): def is StepDefinition => def?.compensation !== undefined)
      .map((def) =>
        this.serviceRequest(
          def,
          def.compensation?.service ?? def.service,
          'compensate',
          this.steps.get(def.id)?.state.attempt ?? 1,
        ),
      );
  }

  /**
   * Moves the journey forward until nothing changes: pending steps whose dependencies are done are activated and
   * dispatched (all at once: that is the fan-out) or skipped, steps behind a rejection are cancelled, and the
   * journey completes when every step is final.
   */
  private settle(): EngineCommand[] {
    let progressed = true;
    while (progressed && this.journey.status === 'active') {
      progressed = false;
      for (const runtime of this.steps.values()) {
        if (runtime.state.status !== 'pending') continue;
        const deps = runtime.def.dependsOn.map((id) => this.steps.get(id)?.state);
        if (deps.some((dep) => dep && blocksDependants(dep) && !this.overturned(dep.id))) {
          this.cancel(runtime, 'a step it depends on did not succeed');
          progressed = true;
        } else if (deps.every((dep) => dep && (satisfies(dep) || this.overturned(dep.id)))) {
          if (runtime.def.when && !evaluateCondition(runtime.def.when, this.data)) {
            this.step(runtime, { type: 'SKIP' }, { type: 'step-skipped' });
            runtime.state.finishedAt = this.env.now();
          } else {
            runtime.state.readyAt = this.env.now();
            this.step(runtime, { type: 'ACTIVATE' }, { type: 'step-ready' });
            this.step(runtime, { type: 'DISPATCH' }, undefined);
          }
          progressed = true;
        }
      }
    }
    if (
      this.journey.status === 'active' &&
      [...this.steps.values()].every(({ state }) => FINAL_STEP_STATUSES.includes(state.status) && !state.refusal)
    ) {
      this.endJourney({ type: 'ALL_SETTLED' }, 'journey-completed');
    }
    if (this.pendingEvents.length > 0) {
      this.expectedDatesStale = true;
      this.lastChangeAt = this.env.now();
    }
    return this.drainCommands();
  }

  /** Expected dates as of the last change (its time), so that they do not depend on when the journey is viewed. */
  private expectedDates(): { journey?: string; steps: Readonly<Record<string, string | undefined>> } {
    const progress = Object.fromEntries([...this.steps].map(([id, { state }]) => [id, state]));
    const expected = expectedCompletion(this.definition, progress, this.lastChangeAt, this.data);
    return { journey: this.isFinished ? this.journey.finishedAt : expected.journey, steps: expected.steps };
  }

  /** Keeps the expected dates in the state, for the projection and the next run (workflow code only, not queries). */
  private storeExpectedDates(): void {
    if (!this.expectedDatesStale) return;
    const expected = this.expectedDates();
    for (const [id, runtime] of this.steps) runtime.state.expectedAt = expected.steps[id];
    this.journey = { ...this.journey, expectedAt: expected.journey };
    this.expectedDatesStale = false;
  }

  private drainCommands(): EngineCommand[] {
    const commands = this.commands;
    this.commands = [];
    return commands;
  }

  private emit(event: Omit<TimelineEvent, 'n' | 'at'>): void {
    this.eventCount += 1;
    this.pendingEvents.push(stripUndefined({ ...event, n: this.eventCount, at: this.env.now() }));
    this.bump();
  }

  private bump(): void {
    this.journey = { ...this.journey, seq: this.journey.seq + 1 };
  }

  private channelFor(def: StepDefinition): Channel {
    if (def.mode === 'automatic' || def.mode === 'proactive') return 'automatic';
    return def.channels.includes(this.input.channel) ? this.input.channel : (def.channels[0] ?? 'online');
  }
}

/** The same decision again: the same outcome and, for an approval, the same outputs. */
function sameDecision(earlier: KeptDecision, decision: StepDecision): boolean {
  if (earlier.outcome !== decision.outcome) return false;
  return decision.outcome !== 'approved' || earlier.outputs === canonical(decision.outputs ?? {});
}

/** JSON with sorted keys, so that two equal sets of outputs compare equal. */
function canonical(items: Readonly<Record<string, DataValue>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(items).sort(([a], [b]) => a.localeCompare(b))));
}

function initialStep(def: StepDefinition): MutableStep {
  return {
    id: def.id,
    agency: def.agency,
    service: def.service,
    mode: def.mode,
    status: 'pending',
    context: { overdue: false },
    attempt: 1,
  };
}

function satisfies(dep: StepState): boolean {
  return SATISFIED.includes(dep.status) || (dep.status === 'expired' && dep.context.expiryEffect === 'approved');
}

/** A refusal the subject may still answer blocks nothing yet: the dependants wait for the outcome. */
function blocksDependants(dep: StepState): boolean {
  if (dep.refusal) return false;
  return (
    dep.status === 'rejected' ||
    dep.status === 'cancelled' ||
    (dep.status === 'expired' && dep.context.expiryEffect === 'refused')
  );
}

function channelOf(actor: Actor): Channel {
  if (actor.channel) return actor.channel;
  if (actor.role === 'counter') return 'counter';
  if (actor.role === 'intermediary') return 'intermediary';
  return 'online';
}

function pick(data: Readonly<Record<string, DataValue>>, keys: readonly string[]): Record<string, DataValue> {
  const picked: Record<string, DataValue> = {};
  for (const key of keys) if (data[key] !== undefined) picked[key] = data[key];
  return picked;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
