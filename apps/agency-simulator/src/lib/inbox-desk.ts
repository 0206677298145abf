import {
  InboxError,
  type DataItems,
  type InboxClient,
  type InboxDecision,
  type InboxTask,
  type InboxTaskDetail,
  type ItemSpec,
} from '@passage/agency-sdk';
import {
  INFO_REQUEST_AT,
  itemsToAsk,
  planTask,
  type BehaviourSettings,
  type Plan,
  type TaskAction,
} from './behaviour.model';
import type { ActivityLog } from './activity-log';
import { after, type Timer } from './after';
import type { BusyPeriod } from './busy-period';
import { fakeOutputs } from './fake-outputs';
import { draw } from './random';
import { rejectionReason } from './rejection-reasons';
import { inboxKey, type InboxStep, type SimulatedAgency } from './roster';

export interface InboxDeskOptions {
  readonly agency: SimulatedAgency;
  readonly inbox: InboxClient;
  /** The pseudonymous staff id the desk's token carries (claims show it as the assignee). */
  readonly staffId: string;
  readonly settings: BehaviourSettings;
  /** How often staff look while they have tasks… */
  readonly pollMs: number;
  /** …and at most how long they leave an empty inbox alone (doubling up to it): every look is a logged API call. */
  readonly idlePollMs: number;
  /** While journeys are under way, every desk looks often. */
  readonly busy: BusyPeriod;
  readonly log: ActivityLog;
  readonly onError: (agency: string, error: unknown) => void;
  /** Today, `YYYY-MM-DD` (the date outputs carry). */
  readonly today: () => string;
}

interface Handling {
  readonly task: InboxTask;
  readonly step: InboxStep;
  /** `planned`: an action is timed; `asked`: waiting for the subject's answer; `acting`: a call is under way. */
  stage: 'planned' | 'asked' | 'acting';
  plan?: Plan<TaskAction>;
  detail?: InboxTaskDetail;
  timer?: Timer;
  askedAt?: number;
  /** The task left the open list since the request for information: the subject's answer brings it back. */
  awaited?: boolean;
  /** How long the subject took to answer: the statutory term stood still meanwhile. */
  waitedMs?: number;
  failures: number;
}

/** Open tasks the desk looks at per poll: pages of 100, at most this many. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10;
/** A task still open this long after a request for information was answered before the desk saw it wait. */
const ANSWER_GRACE_MS = 2_000;
/** Failed calls on one task before the desk leaves it (to a person, or to the statutory term). */
const MAX_FAILURES = 5;

/**
 * The staff of one agency at their decision inbox, through Passage's public API only: they poll for open tasks,
 * claim one, read it (Passage logs the read for the subject), and after their processing time decide it —
 * mostly approving with plausible outputs, sometimes rejecting, sometimes asking the subject for more first.
 * Tasks a person claimed are left to that person.
 */
export class InboxDesk {
  private readonly tasks = new Map<string, Handling>();
  private readonly running = new Set<Promise<void>>();
  private poller?: Timer;
  /** When the next look is due; undefined while one is under way. */
  private nextPollAt?: number;
  private stopped = false;
  private idlePolls = 0;
  private unlisten?: () => void;

  constructor(private readonly options: InboxDeskOptions) {}

  start(): void {
    this.unlisten = this.options.busy.onStart(() => this.hurry());
    this.schedulePoll(0);
  }

  /** Stops polling and acting; calls under way end first. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unlisten?.();
    this.poller?.cancel();
    for (const handling of this.tasks.values()) handling.timer?.cancel();
    await Promise.all(this.running);
  }

  private schedulePoll(delayMs: number): void {
    if (this.stopped) return;
    this.nextPollAt = Date.now() + delayMs;
    this.poller = after(delayMs, () => {
      this.nextPollAt = undefined;
      this.track(this.poll().finally(() => this.schedulePoll(this.nextPollMs())));
    });
  }

  /** Journeys got under way: an idle desk looks again soon instead of at the end of its long wait. */
  private hurry(): void {
    if (this.nextPollAt === undefined || this.nextPollAt <= Date.now() + this.options.pollMs) return;
    this.poller?.cancel();
    this.idlePolls = 0;
    this.schedulePoll(this.options.pollMs);
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => this.options.onError(this.options.agency.id, error))
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  private nextPollMs(): number {
    const { pollMs, idlePollMs, busy } = this.options;
    this.idlePolls = busy.active || this.tasks.size > 0 ? 0 : this.idlePolls + 1;
    return Math.min(pollMs * 2 ** this.idlePolls, Math.max(pollMs, idlePollMs));
  }

  private async poll(): Promise<void> {
    const { open, complete } = await this.openTasks();
    if (open.length > 0) this.options.busy.mark();
    const openIds = new Set(open.map((task) => task.id));
    for (const task of open) this.see(task);
    for (const [id, handling] of this.tasks) {
      if (openIds.has(id) || !complete) continue;
      if (handling.stage === 'asked') handling.awaited = true;
      // Decided or cancelled elsewhere: by a person, a tacit decision at the term's end, or a withdrawal.
      else if (handling.stage === 'planned') this.forget(handling);
    }
  }

  private async openTasks(): Promise<{ open: InboxTask[]; complete: boolean }> {
    const open: InboxTask[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const result = await this.options.inbox.list({ status: 'open', page, pageSize: PAGE_SIZE });
      open.push(...result.items);
      if (page * PAGE_SIZE >= result.total) return { open, complete: true };
    }
    return { open, complete: false };
  }

  private see(task: InboxTask): void {
    const known = this.tasks.get(task.id);
    if (!known) {
      const step = this.options.agency.inbox.get(inboxKey(task.lifeEvent, task.stepId));
      if (!step || (task.assignee !== undefined && task.assignee !== this.options.staffId)) return;
      const handling: Handling = { task, step, stage: 'acting', failures: 0 };
      this.tasks.set(task.id, handling);
      this.act(handling, () => this.take(handling));
      return;
    }
    if (known.stage === 'asked' && (known.awaited || Date.now() - (known.askedAt ?? 0) > ANSWER_GRACE_MS)) {
      known.stage = 'acting';
      this.act(known, () => this.resume(known));
    }
  }

  /** Claims and reads the task, then times what to do. */
  private async take(handling: Handling): Promise<void> {
    const { inbox, settings, agency } = this.options;
    const { task } = handling;
    await inbox.claim(task.id);
    handling.detail = await inbox.get(task.id);
    const incomplete = handling.detail.items.some(({ value }) => value === undefined);
    handling.plan = planTask(settings, handling.step.step, agency.id, task.service, task.id, { incomplete });
    const share = handling.plan.action === 'request-info' ? INFO_REQUEST_AT : 1;
    this.schedule(handling, Date.parse(task.createdAt) + share * handling.plan.ms, () =>
      handling.plan?.action === 'request-info' ? this.ask(handling) : this.decide(handling),
    );
  }

  private async ask(handling: Handling): Promise<void> {
    const { task, detail } = handling;
    const items = itemsToAsk(detail?.items ?? []);
    // Nothing the file lacks: it is judged as it is.
    if (items.length === 0) return this.decide(handling);
    await this.options.inbox.requestInfo(task.id, items, { idempotencyKey: `sim-${task.id}-request-info` });
    this.record(handling, 'asked for more information', false);
    Object.assign(handling, { stage: 'asked', askedAt: Date.now(), awaited: false });
  }

  /** The subject answered: read the task again, then decide after the rest of the processing time. */
  private async resume(handling: Handling): Promise<void> {
    const { task } = handling;
    handling.waitedMs = Date.now() - (handling.askedAt ?? Date.now());
    handling.detail = await this.options.inbox.get(task.id);
    handling.plan = planTask(this.options.settings, handling.step.step, this.options.agency.id, task.service, task.id, {
      infoAnswered: true,
    });
    this.schedule(handling, Date.now() + (1 - INFO_REQUEST_AT) * handling.plan.ms, () => this.decide(handling));
  }

  private async decide(handling: Handling): Promise<void> {
    const { task, plan, detail } = handling;
    const { settings, agency, inbox } = this.options;
    const decision: InboxDecision =
      plan?.action === 'reject'
        ? // The task does not say the subject's language; Flemish agencies decide in Dutch.
          { outcome: 'rejected', reason: rejectionReason('nl', agency.name.nl, draw(settings.seed, task.id, 'reason')) }
        : { outcome: 'approved', outputs: this.outputs(task, detail) };
    await inbox.decide(task.id, decision, { idempotencyKey: `sim-${task.id}-decision` });
    this.record(handling, decision.outcome, true);
    this.forget(handling);
  }

  private outputs(task: InboxTask, detail: InboxTaskDetail | undefined): DataItems {
    const produces = Object.fromEntries(
      (detail?.produces ?? []).map(({ item, type, values }) => [item, { type, values } as ItemSpec]),
    );
    const inputs = Object.fromEntries((detail?.items ?? []).map(({ item, value }) => [item, value]));
    return fakeOutputs(produces, {
      seed: this.options.settings.seed,
      key: task.id,
      agency: this.options.agency.id,
      today: this.options.today(),
      inputs,
    });
  }

  private schedule(handling: Handling, at: number, action: () => Promise<void>): void {
    handling.stage = 'planned';
    handling.timer = after(at - Date.now(), () => {
      handling.stage = 'acting';
      this.act(handling, action);
    });
  }

  /** Runs one call on the task; a journey that ended drops it, other failures are tried again a few times. */
  private act(handling: Handling, action: () => Promise<void>): void {
    if (this.stopped) return;
    this.track(
      action().catch((error: unknown) => {
        if (error instanceof InboxError && (error.code === 'journey-not-active' || error.status === 404))
          return this.forget(handling);
        handling.failures += 1;
        if (handling.failures >= MAX_FAILURES) {
          this.forget(handling);
          throw error;
        }
        this.schedule(handling, Date.now() + this.options.pollMs * 2 ** handling.failures, action);
      }),
    );
  }

  /** What the staff did, after how long they actually took (the time the subject took to answer left out). */
  private record(handling: Handling, outcome: string, final: boolean): void {
    const { plan, task, waitedMs = 0 } = handling;
    const ms = Date.now() - Date.parse(task.createdAt) - waitedMs;
    const days = ms / (this.options.settings.secondsPerDay * 1000);
    const late = final && plan?.termDays !== undefined && days > plan.termDays;
    this.options.log({ agency: this.options.agency.id, service: task.service, outcome, days, ms, via: 'inbox', late });
  }

  private forget(handling: Handling): void {
    handling.timer?.cancel();
    this.tasks.delete(handling.task.id);
  }
}
