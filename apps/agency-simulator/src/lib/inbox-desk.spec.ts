import {
  InboxError,
  type InboxClient,
  type InboxDecision,
  type InboxTask,
  type InboxTaskDetail,
  type InboxTaskStatus,
} from '@passage/agency-sdk';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import type { Activity } from './activity-log';
import type { BehaviourSettings } from './behaviour.model';
import { BusyPeriod } from './busy-period';
import { InboxDesk } from './inbox-desk';
import { buildRoster } from './roster';

const loket = buildRoster(CATALOGUE, AGENCIES).find((a) => a.id === 'ondernemingsloket');
if (!loket) throw new Error('ondernemingsloket is not in the roster');

/** An inbox in memory, as Passage keeps it: tasks, claims, reads, decisions and requests for information. */
class FakeInbox implements InboxClient {
  readonly calls: string[] = [];
  lists = 0;
  readonly decisions = new Map<string, InboxDecision>();
  readonly asked = new Map<string, readonly string[]>();
  private readonly tasks = new Map<string, InboxTask>();
  /** What a task's file holds: each needed item, with its value unless the file lacks it. */
  private readonly files = new Map<string, InboxTaskDetail['items']>();

  add(id: string, fields: Partial<InboxTask> = {}, file?: InboxTaskDetail['items']): void {
    if (file) this.files.set(id, file);
    this.tasks.set(id, {
      id,
      journeyId: `journey-start-business-${id}`,
      lifeEvent: 'start-business',
      stepId: 'kbo-registration',
      service: 'kbo-registration',
      status: 'open',
      overdue: false,
      createdAt: new Date().toISOString(),
      ...fields,
    });
  }

  setStatus(id: string, status: InboxTaskStatus): void {
    const task = this.tasks.get(id);
    if (task) this.tasks.set(id, { ...task, status });
  }

  async list() {
    this.lists += 1;
    const items = [...this.tasks.values()].filter((t) => t.status === 'open');
    return { items, page: 1, pageSize: 100, total: items.length };
  }

  async get(taskId: string): Promise<InboxTaskDetail> {
    this.calls.push(`get ${taskId}`);
    return {
      ...this.task(taskId),
      title: 'KBO',
      items: this.files.get(taskId) ?? [
        { item: 'person.name', label: 'Name', value: 'An Demo' },
        { item: 'business.activities', label: 'Activities', value: 'Websites' },
      ],
      produces: [
        { item: 'business.enterpriseNumber', label: 'Enterprise number', type: 'string' },
        { item: 'business.establishmentUnitNumber', label: 'Unit', type: 'string' },
      ],
    };
  }

  async claim(taskId: string) {
    this.calls.push(`claim ${taskId}`);
    return this.task(taskId);
  }

  async decide(taskId: string, decision: InboxDecision) {
    this.calls.push(`decide ${taskId}`);
    this.decisions.set(taskId, decision);
    this.setStatus(taskId, 'decided');
    return { result: 'applied' as const, seq: 1 };
  }

  async requestInfo(taskId: string, items: readonly string[]) {
    this.calls.push(`request-info ${taskId}`);
    this.asked.set(taskId, items);
    this.setStatus(taskId, 'awaiting-subject');
    return { result: 'applied' as const, seq: 1 };
  }

  private task(id: string): InboxTask {
    const task = this.tasks.get(id);
    if (!task || task.journeyId.endsWith('ended'))
      throw new InboxError(409, 'journey-not-active', 'the journey has ended');
    return task;
  }
}

/** Desks of the test under way: stopped after it, whatever happened. */
const desks: InboxDesk[] = [];
afterEach(async () => {
  await Promise.all(desks.splice(0).map((d) => d.stop()));
});

function desk(inbox: FakeInbox, shares: { reject: number; info: number }, busy = new BusyPeriod(0), idlePollMs = 80) {
  const activities: Activity[] = [];
  const settings: BehaviourSettings = { seed: 1, secondsPerDay: 0.01, shares, researchRules: [], overrideRules: [] };
  const errors: unknown[] = [];
  const running = new InboxDesk({
    agency: loket as NonNullable<typeof loket>,
    inbox,
    staffId: 'sim-staff-ondernemingsloket',
    settings,
    pollMs: 10,
    idlePollMs,
    busy,
    log: (a) => activities.push(a),
    onError: (_, e) => errors.push(e),
    today: () => '2026-05-07',
  });
  running.start();
  desks.push(running);
  return { running, activities, errors };
}

const until = async (check: () => boolean, what: string, timeoutMs = 3_000) => {
  for (let i = 0; i < timeoutMs / 10 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error(`timed out waiting until ${what}`);
};

describe('an inbox desk', () => {
  it('claims, reads and approves a task with the outputs the step produces', async () => {
    const inbox = new FakeInbox();
    inbox.add('t1');
    const { running, activities, errors } = desk(inbox, { reject: 0, info: 0 });
    await until(() => inbox.decisions.has('t1'), 't1 is decided');
    await running.stop();
    expect(inbox.calls).toEqual(['claim t1', 'get t1', 'decide t1']);
    expect(inbox.decisions.get('t1')).toEqual({
      outcome: 'approved',
      outputs: {
        'business.enterpriseNumber': expect.stringMatching(/^0\d{3}\.\d{3}\.\d00$/),
        'business.establishmentUnitNumber': expect.stringMatching(/^2\./),
      },
    });
    expect(activities).toEqual([
      expect.objectContaining({
        agency: 'ondernemingsloket',
        service: 'kbo-registration',
        outcome: 'approved',
        via: 'inbox',
      }),
    ]);
    expect(errors).toEqual([]);
  });

  it('never asks for what the file holds: a complete file is decided as it is', async () => {
    const inbox = new FakeInbox();
    inbox.add('t6');
    const { running } = desk(inbox, { reject: 0, info: 1 });
    await until(() => inbox.decisions.has('t6'), 't6 is decided');
    await running.stop();
    expect(inbox.calls).toEqual(['claim t6', 'get t6', 'decide t6']);
    expect(inbox.asked.size).toBe(0);
  });

  it('asks the subject for what the file lacks, waits for the answer, reads again and then decides', async () => {
    const inbox = new FakeInbox();
    inbox.add('t2', {}, [
      { item: 'person.name', label: 'Name', value: 'An Demo' },
      { item: 'business.activities', label: 'Activities' },
    ]);
    const { running, activities } = desk(inbox, { reject: 0, info: 1 });
    await until(() => inbox.asked.has('t2'), 't2 asks for more');
    expect(inbox.asked.get('t2')).toEqual(['business.activities']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(inbox.decisions.has('t2')).toBe(false);
    inbox.setStatus('t2', 'open');
    await until(() => inbox.decisions.has('t2'), 't2 is decided');
    await running.stop();
    expect(inbox.calls).toEqual(['claim t2', 'get t2', 'request-info t2', 'get t2', 'decide t2']);
    expect(activities.map((a) => a.outcome)).toEqual(['asked for more information', 'approved']);
  });

  it('rejects with a reason in plain language', async () => {
    const inbox = new FakeInbox();
    inbox.add('t3');
    const { running } = desk(inbox, { reject: 1, info: 0 });
    await until(() => inbox.decisions.has('t3'), 't3 is decided');
    await running.stop();
    expect(inbox.decisions.get('t3')).toEqual({
      outcome: 'rejected',
      reason: expect.stringContaining('Erkend ondernemingsloket'),
    });
  });

  it('leaves a task a person claimed, and drops one whose journey ended', async () => {
    const inbox = new FakeInbox();
    inbox.add('t4', { assignee: 'officer-an' });
    inbox.add('t5', { journeyId: 'journey-ended' });
    const { running, errors } = desk(inbox, { reject: 0, info: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await running.stop();
    expect(inbox.calls.filter((call) => call.endsWith('t4'))).toEqual([]);
    expect(inbox.decisions.size).toBe(0);
    expect(errors).toEqual([]);
  });

  it('looks less and less often at an empty inbox, and often while journeys are under way', async () => {
    const idle = new FakeInbox();
    const busy = new FakeInbox();
    const period = new BusyPeriod(60_000);
    period.mark();
    const both = [desk(idle, { reject: 0, info: 0 }), desk(busy, { reject: 0, info: 0 }, period)];
    await new Promise((resolve) => setTimeout(resolve, 400));
    await Promise.all(both.map(({ running }) => running.stop()));
    // Idle: 10, 20, 40, 80, 80… ms apart; busy: every 10 ms.
    expect(idle.lists).toBeLessThanOrEqual(9);
    expect(busy.lists).toBeGreaterThan(2 * idle.lists);
  });

  it('looks again soon when journeys get under way, whatever its idle wait', async () => {
    const inbox = new FakeInbox();
    const period = new BusyPeriod(60_000);
    const { running } = desk(inbox, { reject: 0, info: 0 }, period, 60_000);
    // By now the desk waits 640 ms or more between looks.
    await new Promise((resolve) => setTimeout(resolve, 700));
    inbox.add('t6');
    period.mark();
    await until(() => inbox.decisions.has('t6'), 't6 is decided', 300);
    await running.stop();
  });
});
