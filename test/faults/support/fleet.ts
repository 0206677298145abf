import type { Principal } from '@passage/auth';
import type { TimelineEvent } from '@passage/contracts';
import type { DataValue } from '@passage/journey-model';
import { findDefinition } from '@passage/life-events';
import { sampleIntake, soleTraderIntake } from '@passage/testing';
import { ApiRecorder } from './api-recorder';
import type { FaultStack } from './fault-stack';

export type JourneyEnd = 'completed' | 'rejected' | 'withdrawn';

/** What the test does with one journey, and so how it must end whatever the fault. */
export interface JourneyPlan {
  readonly n: number;
  readonly lifeEvent: string;
  readonly intake: Record<string, DataValue>;
  /** Staff reject this (critical) step: the journey ends rejected, and what was done before is compensated. */
  readonly rejectStep?: string;
  /** The subject withdraws once this step has completed: the journey ends withdrawn, and that step is compensated. */
  readonly withdrawAfter?: string;
  readonly expected: JourneyEnd;
}

/** The journeys of one round of ten: start-business, move-house and found-association; one rejected, one withdrawn. */
const MIX: readonly Omit<JourneyPlan, 'n'>[] = [
  { lifeEvent: 'start-business', intake: startBusiness(), expected: 'completed' },
  { lifeEvent: 'move-house', intake: moveHouse(), expected: 'completed' },
  { lifeEvent: 'found-association', intake: foundAssociation(), expected: 'completed' },
  {
    lifeEvent: 'start-business',
    intake: startBusiness(),
    rejectStep: 'social-insurance-affiliation',
    expected: 'rejected',
  },
  { lifeEvent: 'start-business', intake: startBusiness(), expected: 'completed' },
  { lifeEvent: 'move-house', intake: moveHouse(), withdrawAfter: 'address-declaration', expected: 'withdrawn' },
  { lifeEvent: 'found-association', intake: foundAssociation(), expected: 'completed' },
  { lifeEvent: 'start-business', intake: startBusiness(), expected: 'completed' },
  { lifeEvent: 'move-house', intake: moveHouse(), expected: 'completed' },
  { lifeEvent: 'start-business', intake: startBusiness(), expected: 'completed' },
];

export function mixedPlans(count: number): JourneyPlan[] {
  return Array.from({ length: count }, (_, n) => ({ n, ...MIX[n % MIX.length] }));
}

/** A sole trader subject to VAT: inbox (KBO, social insurance), webhooks (VAT, health insurance), a worker (VLAIO). */
function startBusiness(): Record<string, DataValue> {
  return soleTraderIntake({ 'business.subjectToVat': true, 'business.mainOccupation': true });
}

/** A tenant with a vehicle: citizen steps, the municipality's inbox and worker, the police, the national register. */
function moveHouse(): Record<string, DataValue> {
  return intakeOf('move-house', {
    'move.tenure': 'tenant',
    'move.enterpriseAddressChanges': false,
    'move.parkingSigns': false,
  });
}

/** A vzw: the founding meeting, the registry's inbox, the KBO and Staatsblad (webhooks), CJM's worker. */
function foundAssociation(): Record<string, DataValue> {
  return intakeOf('found-association', {
    'association.form': 'vzw',
    'association.playsMusic': false,
    'association.seeksRecognition': false,
    'association.hasOtherSites': false,
  });
}

function intakeOf(lifeEvent: string, overrides: Record<string, DataValue>): Record<string, DataValue> {
  const definition = findDefinition(lifeEvent);
  if (!definition) throw new Error(`${lifeEvent} is missing from the catalogue`);
  return sampleIntake(definition, overrides);
}

interface Asked {
  readonly item: string;
  readonly type: string;
  readonly values?: readonly string[];
}

export interface Timeline {
  readonly id: string;
  readonly status: string;
  readonly seq: number;
  readonly asked: readonly Asked[];
  readonly steps: readonly { id: string; status: string; mode: string; agency: { id: string } }[];
  readonly events?: readonly TimelineEvent[];
}

interface TaskSummary {
  readonly id: string;
  readonly journeyId: string;
  readonly stepId: string;
}

export interface DecisionRecord {
  readonly journey: FleetJourney;
  readonly taskId: string;
  readonly stepId: string;
  readonly token: string;
  readonly key: string;
  readonly body: { outcome: string; outputs?: Record<string, DataValue>; reason?: string };
  readonly status: number;
  readonly answer: unknown;
}

export interface FleetJourney {
  readonly plan: JourneyPlan;
  readonly subject: Principal;
  id?: string;
  timeline?: Timeline;
  /** When the timeline last showed progress (its seq rose). */
  progressedAt?: number;
  endedAt?: number;
  withdrawn: boolean;
  /** Answers given, by `item@seq`: each question is answered once, unless the answer was refused. */
  readonly answered: Set<string>;
  answerAttempts: number;
}

function sampleFor(asked: Asked): DataValue {
  switch (asked.type) {
    case 'number':
      return 12;
    case 'boolean':
      return true;
    case 'date':
      return '2026-06-01';
    case 'enum':
      return asked.values?.[0] ?? 'x';
    default:
      return `${asked.item} (given)`;
  }
}

/**
 * The fault suite's journeys, driven through the public API as people would: each subject starts theirs and answers
 * what its timeline asks, withdraws when the plan says so; each agency's staff read their open tasks and decide them.
 * One `round()` is one pass over every journey and inbox.
 */
export class Fleet {
  readonly journeys: FleetJourney[];
  readonly http: ApiRecorder;
  /** Decisions taken, by task id (a task is decided once). */
  readonly decided = new Map<string, string>();
  /** Every decision applied, with its key and first answer, for experiments that send it again. */
  readonly decisions: DecisionRecord[] = [];
  /** Journeys nobody answers or decides for (an experiment works on them), by plan number. */
  readonly held = new Set<number>();
  /** What went wrong on the way that the invariants should explain (unexpected answers). */
  readonly anomalies: string[] = [];
  /** Answers that are right but worth reporting. */
  readonly observations: string[] = [];
  private readonly tokens = new Map<string, string>();
  private decisionAttempts = new Map<string, number>();

  constructor(
    private readonly stack: FaultStack,
    plans: readonly JourneyPlan[],
    private readonly label: string,
  ) {
    this.http = new ApiRecorder(stack.apiUrl);
    this.journeys = plans.map((plan) => ({
      plan,
      subject: { sub: `fault-${label}-${plan.n}`, roles: ['citizen'] },
      withdrawn: false,
      answered: new Set(),
      answerAttempts: 0,
    }));
  }

  /** Starts every journey, `spreadMs` apart. */
  async startAll(spreadMs = 100): Promise<void> {
    await Promise.all(
      this.journeys.map(async (journey, i) => {
        await new Promise((r) => setTimeout(r, i * spreadMs));
        await this.start(journey);
      }),
    );
  }

  async start(journey: FleetJourney): Promise<void> {
    const answer = await this.http.call<{ id: string }>(
      await this.tokenOf(journey.subject),
      'POST',
      '/api/journeys',
      { lifeEvent: journey.plan.lifeEvent, intake: journey.plan.intake, language: 'en' },
      `start-${this.label}-${journey.plan.n}`,
    );
    if (answer.status === 201) journey.id = answer.body.id;
    else this.anomalies.push(`start of #${journey.plan.n} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  get active(): FleetJourney[] {
    return this.journeys.filter((j) => j.id && j.endedAt === undefined);
  }

  get ended(): FleetJourney[] {
    return this.journeys.filter((j) => j.endedAt !== undefined);
  }

  /** One pass: every active journey's timeline and answers, then every inbox holding one of their tasks. */
  async round(): Promise<void> {
    await Promise.all(this.active.map((journey) => this.followJourney(journey)));
    const agencies = new Set(
      this.active
        .flatMap((j) => (j.timeline?.steps ?? []).filter((s) => s.mode === 'manual' && s.status === 'in-progress'))
        .map((s) => s.agency.id),
    );
    await Promise.all([...agencies].map((agency) => this.workInbox(agency)));
  }

  /** Rounds until every journey ended or `timeoutMs` passed; a pause of `intervalMs` between rounds. */
  async runUntilEnded(timeoutMs: number, intervalMs = 1000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.active.length > 0 && Date.now() < deadline) {
      await this.round();
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }

  /** Rounds until `until` holds (or the bound passed). */
  async runUntil(until: () => boolean, timeoutMs: number, intervalMs = 1000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!until() && Date.now() < deadline) {
      await this.round();
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }

  /** How far the fleet got: steps completed over every journey. */
  completedSteps(): number {
    return this.journeys.reduce(
      (sum, j) => sum + (j.timeline?.steps ?? []).filter((s) => s.status === 'completed').length,
      0,
    );
  }

  async tokenOf(principal: Principal): Promise<string> {
    let token = this.tokens.get(principal.sub);
    if (!token) {
      token = await this.stack.token(principal);
      this.tokens.set(principal.sub, token);
    }
    return token;
  }

  private async followJourney(journey: FleetJourney): Promise<void> {
    if (this.held.has(journey.plan.n)) return;
    const token = await this.tokenOf(journey.subject);
    const read = await this.http.call<Timeline>(token, 'GET', `/api/journeys/${journey.id}`);
    if (read.status !== 200) return;
    const timeline = read.body;
    if (!journey.timeline || timeline.seq > journey.timeline.seq) journey.progressedAt = Date.now();
    journey.timeline = timeline;
    if (timeline.status !== 'active') {
      journey.endedAt = Date.now();
      return;
    }
    const { withdrawAfter } = journey.plan;
    if (
      withdrawAfter &&
      !journey.withdrawn &&
      timeline.steps.some((s) => s.id === withdrawAfter && s.status === 'completed')
    ) {
      const withdrawn = await this.http.call<{ code?: string }>(
        token,
        'POST',
        `/api/journeys/${journey.id}/withdraw`,
        { reason: 'We are not moving after all.' },
        `withdraw-${journey.id}`,
      );
      if (withdrawn.status === 200) journey.withdrawn = true;
      else if (withdrawn.status === 409 && withdrawn.body?.code === 'journey-not-active') {
        // A retry (after a 503) of a withdrawal that did reach the journey: it ended, withdrawn. The answer is
        // true but says less than `duplicate` would; the journey's end is judged by I1.
        journey.withdrawn = true;
        this.observations.push(`withdrawal of #${journey.plan.n} answered 409 journey-not-active on a retry`);
      } else
        this.anomalies.push(
          `withdrawal of #${journey.plan.n} answered ${withdrawn.status} ${withdrawn.body?.code ?? ''}`,
        );
      return;
    }
    const toAnswer = timeline.asked.filter((a) => !journey.answered.has(`${a.item}@${timeline.seq}`));
    if (toAnswer.length === 0) return;
    for (const a of toAnswer) journey.answered.add(`${a.item}@${timeline.seq}`);
    journey.answerAttempts++;
    const answer = await this.http.call<{ outcome?: string; code?: string }>(
      token,
      'POST',
      `/api/journeys/${journey.id}/inputs`,
      { items: Object.fromEntries(toAnswer.map((a) => [a.item, sampleFor(a)])) },
      `inputs-${journey.id}-${journey.answerAttempts}`,
    );
    if (answer.status !== 200) {
      // Refused (e.g. not asked yet as the read model lags): asked again, it is answered again, with a new key.
      for (const a of toAnswer) journey.answered.delete(`${a.item}@${timeline.seq}`);
      if (answer.status !== 409)
        this.anomalies.push(`inputs of #${journey.plan.n} answered ${answer.status} ${answer.body?.code ?? ''}`);
    }
  }

  private async workInbox(agency: string): Promise<void> {
    const staff: Principal = { sub: `fault-staff-${agency}`, roles: ['agency'], agency };
    const token = await this.tokenOf(staff);
    const open = await this.http.call<{ items: TaskSummary[] }>(
      token,
      'GET',
      '/api/agency/tasks?status=open&pageSize=100',
    );
    if (open.status !== 200) {
      this.anomalies.push(`the inbox of ${agency} answered ${open.status}`);
      return;
    }
    const ours = new Map(this.active.map((j) => [j.id, j]));
    for (const task of open.body.items) {
      const journey = ours.get(task.journeyId);
      if (!journey || this.decided.has(task.id) || this.held.has(journey.plan.n)) continue;
      const detail = await this.http.call<{ produces: Asked[] }>(token, 'GET', `/api/agency/tasks/${task.id}`);
      if (detail.status !== 200) continue;
      const reject = journey.plan.rejectStep === task.stepId;
      const decision = reject
        ? { outcome: 'rejected', reason: 'The affiliation could not be confirmed.' }
        : {
            outcome: 'approved',
            outputs: Object.fromEntries(detail.body.produces.map((p) => [p.item, sampleFor(p)])),
          };
      const attempt = (this.decisionAttempts.get(task.id) ?? 0) + 1;
      this.decisionAttempts.set(task.id, attempt);
      const decided = await this.http.call<{ code?: string }>(
        token,
        'POST',
        `/api/agency/tasks/${task.id}/decision`,
        decision,
        `decide-${task.id}-${attempt}`,
      );
      if (decided.status === 200) {
        this.decided.set(task.id, decision.outcome);
        this.decisions.push({
          journey,
          taskId: task.id,
          stepId: task.stepId,
          token,
          key: `decide-${task.id}-${attempt}`,
          body: decision,
          status: decided.status,
          answer: decided.body,
        });
      } else if (decided.status !== 409)
        // A 409 is the journey's truthful answer when it moved on meanwhile (withdrawn, say): R5 checks those.
        this.anomalies.push(
          `decision on #${journey.plan.n} ${task.stepId} answered ${decided.status} ${decided.body?.code ?? ''}`,
        );
    }
  }
}
