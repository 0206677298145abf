import { setTimeout as sleep } from 'node:timers/promises';
import {
  defineServiceStep,
  type AgencyDecision,
  type ServiceStep,
  type StepContext,
  type StepResult,
} from '@passage/agency-sdk';
import { planService, type BehaviourSettings } from './behaviour.model';
import type { ActivityLog } from './activity-log';
import type { ExecutionLedger } from './execution-ledger';
import type { BusyPeriod } from './busy-period';
import { fakeOutputs, fakeReference } from './fake-outputs';
import { itemClass, type Items } from './item-classes';
import type { LaterDecisions } from './later-decisions';
import { draw } from './random';
import { rejectionReason } from './rejection-reasons';
import type { ServiceSpec, SimulatedAgency } from './roster';

/** How the agency's transport sends a decision later, for a request it answered `accepted`; undefined: it cannot. */
export type DecideLater = (context: StepContext<Items>) => ((decision: AgencyDecision) => Promise<unknown>) | undefined;

export interface ServiceStepsOptions {
  readonly agency: SimulatedAgency;
  readonly settings: BehaviourSettings;
  /** Longer work is answered `accepted` and decided later (a webhook call must end within the adapter's timeout). */
  readonly maxHoldMs: number;
  readonly later: LaterDecisions;
  readonly decideLater: DecideLater;
  /** A journey calling a service is under way: its next steps may wait in an inbox soon. */
  readonly busy: BusyPeriod;
  readonly log: ActivityLog;
  /** Today, `YYYY-MM-DD` (the date outputs carry). */
  readonly today: () => string;
  /** Where each execution is recorded by idempotency key, when the simulator keeps a ledger. */
  readonly ledger?: ExecutionLedger;
}

/** The agency's services as SDK service steps, answering like the agency would: after a while, mostly completing. */
export function serviceSteps(options: ServiceStepsOptions): ServiceStep[] {
  return options.agency.services.map((spec) =>
    defineServiceStep<Items, Items>({
      agency: spec.agency,
      service: spec.service,
      input: itemClass(spec.needs, spec.required),
      output: itemClass(spec.produces),
      handle: (input, context) => answer(options, spec, input, context),
    }),
  );
}

async function answer(
  options: ServiceStepsOptions,
  spec: ServiceSpec,
  input: Readonly<Items>,
  context: StepContext<Items>,
): Promise<StepResult<Items>> {
  const { agency, settings } = options;
  const key = context.idempotencyKey;
  const via = agency.delivery ?? 'worker';
  const generated = { seed: settings.seed, key, agency: agency.id, today: options.today() };
  const outputs = () => fakeOutputs(spec.produces, { ...generated, inputs: input });
  // Conformance traffic changes nothing and waits for nothing: answered at once (the SDK plays the slow probe).
  if (context.conformance) return context.completed(outputs());
  options.busy.mark();

  const plan = planService(settings, spec.step, agency.id, spec.service, spec.kind, key);
  const reason = () =>
    rejectionReason(context.language, agency.name[context.language], draw(settings.seed, key, 'reason'));
  const execution = (outcome: string) => ({
    idempotencyKey: key,
    journeyId: context.journeyId,
    stepId: context.stepId,
    agency: agency.id,
    service: spec.service,
    kind: spec.kind,
    outcome,
  });
  const record = (outcome: string) =>
    options.log({
      agency: agency.id,
      service: spec.service,
      outcome,
      days: plan.days,
      ms: plan.ms,
      via,
      late: plan.late,
    });
  const later = plan.ms > options.maxHoldMs && spec.kind === 'perform' ? options.decideLater(context) : undefined;
  if (later) {
    const decision: AgencyDecision =
      plan.action === 'reject'
        ? { outcome: 'rejected', reason: reason() }
        : { outcome: 'approved', outputs: outputs() };
    const send = async () => {
      await options.ledger?.record(execution(decision.outcome));
      await later(decision);
      record(decision.outcome);
    };
    if (!options.later.schedule(key, `${agency.id} ${spec.service}`, plan.ms, send))
      context.retryLater('too many decisions waiting', 60);
    return context.accepted(fakeReference(generated, 'reference'));
  }
  // A compensation cannot be answered later: it takes at most the hold.
  await sleep(Math.min(plan.ms, options.maxHoldMs), undefined, { signal: context.signal });
  // The effect, before the answer: an agency killed between the two executes the redelivered request again.
  await options.ledger?.record(execution(plan.action === 'reject' ? 'rejected' : 'completed'));
  record(plan.action === 'reject' ? 'rejected' : 'completed');
  return plan.action === 'reject' ? context.rejected(reason()) : context.completed(outputs());
}
