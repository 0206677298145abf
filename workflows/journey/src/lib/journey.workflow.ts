import {
  ActivityFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  IllegalStateError,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { ActivityInterfaceFor } from '@temporalio/workflow';
import {
  agencyTaskQueue,
  appealStepUpdate,
  decideStepUpdate,
  DEFAULT_JOURNEY_SETTINGS,
  JOURNEY_STATUS_SA,
  journeyStateQuery,
  migrateVersionUpdate,
  provideInputsUpdate,
  requestInfoUpdate,
  resubmitStepUpdate,
  retryStepUpdate,
  withdrawUpdate,
  type AgencyActivities,
  type JourneyActivities,
  type JourneySettings,
  type JourneyInput,
  type JourneyResult,
  type MessageReceipt,
  type ServiceOutcome,
} from '@passage/contracts';
import { JourneyEngine, type EngineCommand } from './journey-engine';
import { validateMessage, validateMigration } from './message-validators';
import { JOURNEY_PATCHES } from './patches';
import { runSynchronouslyIn } from './synchronous-scope';

type CallService = Extract<EngineCommand, { kind: 'call-service' }>;

/** The same projection as a local activity, for the journey's first and last changes (see `run()`). */
const localJourneyActivities = proxyLocalActivities<JourneyActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const engineActivities = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '1 minute',
  // The read model may be down for a while; the journey keeps going and the projection catches up.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * The journey interpreter: one workflow per journey, the same code for every life event. Each life event is
 * registered under its own workflow type (see `workflows.ts`), all delegating here. The engine decides; this shell
 * runs activities on the agencies' task queues, statutory timers and the projection, and feeds results back.
 */
export async function runJourney(input: JourneyInput): Promise<JourneyResult> {
  const shell = new JourneyShell(input);
  return shell.run();
}

class JourneyShell {
  private readonly engine: JourneyEngine;
  private readonly settings: JourneySettings;
  /** The cancellation scope of each step's service call in flight: its own, or the journey's shared one. */
  private readonly services = new Map<string, CancellationScope>();
  /**
   * In a current run, the one scope of every call that is only ever cancelled when the journey ends: a scope per
   * call costs the workflow several tracked promises, and most steps have no term that could cancel their call alone.
   */
  private readonly journeyCalls: CancellationScope | undefined;
  /**
   * The workflow's root scope: the parent of every scope the shell makes, so that cancelling the journey's calls
   * never reaches a timer or a call with a scope of its own, wherever the code that made them ran.
   */
  private readonly root = CancellationScope.current();
  private readonly timers = new Map<string, CancellationScope>();
  private readonly agencyProxies = new Map<string, ActivityInterfaceFor<AgencyActivities>>();
  private projecting = false;
  /** True while `run()` projects the first state itself (see there). */
  private projectingLocally: boolean;
  /** The run has every behaviour of `JOURNEY_PATCHES.shellOf20261129`, asked once at its start. */
  private readonly current: boolean;
  /** The run has `JOURNEY_PATCHES.truthfulMessages`, asked once at its start. */
  private readonly truthfulMessages: boolean;
  private reportedStatus: string | undefined;

  constructor(private readonly input: JourneyInput) {
    this.current = patched(JOURNEY_PATCHES.shellOf20261129);
    this.truthfulMessages = patched(JOURNEY_PATCHES.truthfulMessages);
    this.engine = new JourneyEngine(
      input,
      { now: () => new Date().toISOString(), newId: uuid4, patched },
      { truthfulMessages: this.truthfulMessages },
    );
    this.settings = { ...DEFAULT_JOURNEY_SETTINGS, ...input.settings };
    if (this.current) this.reportedStatus = workflowInfo().typedSearchAttributes.get(JOURNEY_STATUS_SA);
    this.projectingLocally = !input.carried && this.has(JOURNEY_PATCHES.firstProjectionLocal);
    this.journeyCalls = this.current ? this.newScope() : undefined;
  }

  private newScope(): CancellationScope {
    return new CancellationScope({ cancellable: true, parent: this.root });
  }

  /** Whether this run behaves as the patch says: always in a current run, else as its history recorded. */
  private has(patch: string): boolean {
    return this.current || patched(patch);
  }

  async run(): Promise<JourneyResult> {
    // Setting an update handler runs the updates that arrived with the start at once: after the start, they meet a
    // started journey (before it, an input was weighed against a journey that had asked nothing yet).
    if (!this.truthfulMessages) this.registerHandlers();
    this.apply(this.input.carried ? this.engine.resumeTimers() : this.engine.start());
    if (this.truthfulMessages) this.registerHandlers();
    if (this.projectingLocally) {
      // The journey's first state goes out within its first workflow task, together with its first dispatches.
      const update = this.engine.takeProjection();
      if (update) await localJourneyActivities.projectJourney(update);
      this.projectingLocally = false;
      this.project();
    }

    await condition(() => this.engine.isFinished || (this.continueAsNewDue() && this.quiet() && allHandlersFinished()));
    if (!this.engine.isFinished) {
      await continueAsNew<typeof runJourney>({
        ...this.input,
        snapshot: this.engine.currentSnapshot,
        carried: this.engine.carry(),
      });
    }

    await this.compensate();
    await condition(allHandlersFinished);
    await condition(() => !this.projecting);
    // The last changes go out as a local activity: nothing else is pending, so it delays no dispatch, and the
    // journey completes in the same workflow task.
    for (let update = this.engine.takeProjection(); update; update = this.engine.takeProjection()) {
      await localJourneyActivities.projectJourney(update);
    }
    const view = this.engine.view();
    return {
      status: view.status,
      finishedAt: view.finishedAt ?? new Date().toISOString(),
      steps: view.steps.map(({ id, status }) => ({ id, status })),
    };
  }

  private registerHandlers(): void {
    const engine = this.engine;
    // Validated against the version the journey runs on now: a migration can add steps.
    const validate = (kind: Parameters<typeof validateMessage>[1]) => (message: unknown) =>
      validateMessage(engine.currentSnapshot.definition, kind, message);
    setHandler(journeyStateQuery, () => engine.view());
    setHandler(decideStepUpdate, (m) => this.receipt(engine.decide(m)), { validator: validate('decision') });
    setHandler(provideInputsUpdate, (m) => this.receipt(engine.provideInputs(m)), { validator: validate('inputs') });
    setHandler(requestInfoUpdate, (m) => this.receipt(engine.requestInfo(m)), { validator: validate('info-request') });
    setHandler(withdrawUpdate, (m) => this.receipt(engine.withdraw(m)), { validator: validate('withdrawal') });
    setHandler(retryStepUpdate, (m) => this.receipt(engine.retry(m)), { validator: validate('retry') });
    setHandler(resubmitStepUpdate, (m) => this.receipt(engine.resubmit(m)), { validator: validate('resubmission') });
    setHandler(appealStepUpdate, (m) => this.receipt(engine.appeal(m)), { validator: validate('appeal') });
    setHandler(migrateVersionUpdate, (m) => this.receipt(engine.migrate(m)), {
      validator: (m) => validateMigration(this.input.snapshot.id, m),
    });
  }

  private receipt({ receipt, commands }: { receipt: MessageReceipt; commands: EngineCommand[] }): MessageReceipt {
    this.apply(commands);
    return receipt;
  }

  /** Carries out the engine's commands, then lets the read model catch up. */
  private apply(commands: readonly EngineCommand[]): void {
    const journeyCalls = this.journeyCalls;
    if (journeyCalls && commands.some((command) => command.kind === 'call-service' && !command.cancelledAlone)) {
      // One `run` for the whole batch: calls made inside belong to the journey's scope.
      runSynchronouslyIn(journeyCalls, () => this.carryOut(commands));
    } else {
      this.carryOut(commands);
    }
    this.reportStatus();
    this.project();
  }

  private carryOut(commands: readonly EngineCommand[]): void {
    for (const command of commands) {
      switch (command.kind) {
        case 'call-service':
          this.callService(command);
          break;
        case 'cancel-service':
          this.cancelService(command.stepId);
          break;
        case 'start-timer':
          this.startTimer(command.stepId, command.dueAt);
          break;
        case 'cancel-timer':
          this.timers.get(command.stepId)?.cancel();
          this.timers.delete(command.stepId);
          break;
      }
    }
  }

  private callService({ stepId, attempt, request, cancelledAlone }: CallService): void {
    const perform = () => this.agency(request.agency).performService(request);
    let scope: CancellationScope;
    let call: Promise<ServiceOutcome>;
    if (this.journeyCalls && !cancelledAlone) {
      scope = this.journeyCalls;
      if (CancellationScope.current() !== scope)
        throw new IllegalStateError('a journey-wide call must be made in the journey scope');
      call = perform();
    } else {
      scope = this.newScope();
      call = scope.run(perform);
    }
    this.services.set(stepId, scope);
    const settled = () => {
      if (this.services.get(stepId) === scope) this.services.delete(stepId);
    };
    call.then(
      (outcome) => {
        settled();
        this.apply(this.engine.onServiceOutcome(stepId, attempt, outcome));
      },
      (error: unknown) => {
        settled();
        if (!isCancellation(error)) this.apply(this.engine.onServiceFailed(stepId, attempt, failureReason(error)));
      },
    );
  }

  private cancelService(stepId: string): void {
    const scope = this.services.get(stepId);
    if (scope === undefined) return; // the call has ended (answered, accepted or failed)
    if (scope === this.journeyCalls && !this.engine.isFinished) {
      // The engine only cancels a call alone when its step's term expired, and such calls have a scope of their own.
      throw new IllegalStateError(`step ${stepId}'s call shares the journey's scope and cannot be cancelled alone`);
    }
    scope.cancel();
  }

  private startTimer(stepId: string, dueAt: string): void {
    this.timers.get(stepId)?.cancel();
    const scope = this.newScope();
    this.timers.set(stepId, scope);
    scope
      .run(() => sleep(Math.max(0, Date.parse(dueAt) - Date.now())))
      .then(
        () => {
          this.timers.delete(stepId);
          this.apply(this.engine.onTermExpired(stepId));
        },
        (error: unknown) => {
          if (!isCancellation(error)) throw error;
        },
      );
  }

  /** Runs the saga's compensations one by one, most recent first. */
  private async compensate(): Promise<void> {
    for (const request of this.engine.takeCompensations()) {
      try {
        await this.agency(request.agency).performService(request);
        this.engine.onCompensated(request);
      } catch (error) {
        this.engine.onCompensated(request, failureReason(error));
      }
      this.project();
    }
  }

  /**
   * One projection in flight at a time; changes made meanwhile are sent together in the next one. Routine automatic
   * progress waits for the next change while a service call is in flight, which saves a projection per fan-out level.
   */
  private project(): void {
    if (this.projecting || this.projectingLocally) return;
    if (this.engine.isFinished && this.has(JOURNEY_PATCHES.finalProjectionLocal)) return;
    if (this.engine.projectionCanWait() && this.has(JOURNEY_PATCHES.coalesceRoutineProjections)) return;
    const update = this.engine.takeProjection();
    if (!update) return;
    this.projecting = true;
    void CancellationScope.nonCancellable(() => engineActivities.projectJourney(update)).finally(() => {
      this.projecting = false;
      this.project();
    });
  }

  /** Keeps the `JourneyStatus` search attribute current, on journeys started with it (servers without it get none). */
  private reportStatus(): void {
    const status = this.engine.status;
    if (status === this.reportedStatus) return;
    this.reportedStatus = status;
    if (workflowInfo().typedSearchAttributes.get(JOURNEY_STATUS_SA) === undefined) return;
    upsertSearchAttributes([{ key: JOURNEY_STATUS_SA, value: status }]);
  }

  private agency(agencyId: string): ActivityInterfaceFor<AgencyActivities> {
    let proxy = this.agencyProxies.get(agencyId);
    if (!proxy) {
      proxy = proxyActivities<AgencyActivities>({
        taskQueue: agencyTaskQueue(agencyId),
        startToCloseTimeout: `${this.settings.serviceCallTimeoutSeconds} seconds`,
        heartbeatTimeout: `${this.settings.serviceHeartbeatTimeoutSeconds} seconds`,
        retry: {
          initialInterval: `${this.settings.serviceInitialRetrySeconds} seconds`,
          maximumInterval: `${this.settings.serviceMaxRetrySeconds} seconds`,
          backoffCoefficient: 2,
          maximumAttempts: this.settings.serviceMaxAttempts,
        },
      });
      this.agencyProxies.set(agencyId, proxy);
    }
    return proxy;
  }

  private quiet(): boolean {
    return this.services.size === 0 && !this.projecting;
  }

  private continueAsNewDue(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= this.settings.continueAsNewAfterHistoryEvents;
  }
}

/** A short reason for the timeline; the full failure stays in Temporal's history for operators. */
function failureReason(error: unknown): string {
  const cause = error instanceof ActivityFailure && error.cause ? error.cause : error;
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return text.slice(0, 300);
}
