import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  decideStepUpdate,
  notFound,
  PassageError,
  requestInfoUpdate,
  type Actor,
  type InboxPage,
  type InboxTask,
  type InboxTaskDetail,
  type MessageReceipt,
} from '@passage/contracts';
import type { Principal } from '@passage/auth';
import { findStep, type Language } from '@passage/journey-model';
import { AgencyTaskEntity, AuditLog, JourneyEntity, ReadModelQueries, type Vault } from '@passage/persistence';
import type { LifeEventRegistry } from '@passage/registry';
import { refuseConflict, updateJourney } from '@passage/temporal';
import { checkDataItems } from '@passage/validation';
import type { ClaimTaskCommand, DecideTaskCommand, InboxQuery } from './inbox.commands';

const TASK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An agency's decision inbox: the manual steps of journeys waiting for its staff. Staff see only their agency's
 * tasks and, in a task, only the data items that step needs; every read of a value is logged.
 */
export class AgencyInbox {
  /** The inbox's page and count, by prepared statement (created once the data source is initialized). */
  private reads: ReadModelQueries | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    private readonly registry: LifeEventRegistry,
    private readonly vault: Vault,
  ) {}

  async list(staff: Principal, query: InboxQuery): Promise<InboxPage<InboxTask>> {
    const agency = this.agencyOf(staff);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    this.reads ??= new ReadModelQueries(this.dataSource);
    const { tasks, total } = await this.reads.inbox({
      agency,
      status: query.status,
      lifeEvent: query.lifeEvent,
      // Only the words filter ('1' and '0' pass validation but never filtered, and still do not).
      overdue: query.overdue === 'true' ? true : query.overdue === 'false' ? false : undefined,
      page,
      pageSize,
    });
    return { items: tasks.map(summary), page, pageSize, total };
  }

  async detail(staff: Principal, taskId: string, language: Language = 'nl'): Promise<InboxTaskDetail> {
    const task = await this.task(staff, taskId);
    const journey = await this.journeyOf(task);
    const { definition } = await this.registry.require(journey.lifeEventId, journey.version);
    const step = findStep(definition, task.stepId);
    if (!step) throw notFound('task');
    const known = await this.vault.readForJourney(journey.subject, journey, step.needs, {
      accessor: staff.sub,
      accessorRole: 'agency',
      purpose: `decision on ${step.id} (task ${task.id})`,
      journeyId: task.journeyId,
      stepId: task.stepId,
    });
    const label = (item: string) => definition.dataItems[item]?.label[language] ?? item;
    return {
      ...summary(task),
      title: step.title[language],
      description: step.description?.[language],
      items: step.needs.map((item) => ({ item, label: label(item), value: known[item]?.value })),
      produces: step.produces.map((item) => {
        const spec = definition.dataItems[item];
        return {
          item,
          label: label(item),
          type: spec?.type ?? 'string',
          ...(spec?.values ? { values: spec.values } : {}),
        };
      }),
    };
  }

  /**
   * Assigns the task to the caller. A task a colleague holds stays theirs (409 `task-claimed`) unless the caller takes
   * it over explicitly, which the audit log records; the check and the assignment are one statement, so two claims
   * at once cannot both win.
   */
  async claim(staff: Principal, taskId: string, command: ClaimTaskCommand = {}): Promise<InboxTask> {
    const task = await this.task(staff, taskId);
    if (task.status === 'decided' || task.status === 'cancelled')
      throw new PassageError('journey-not-active', `the task is ${task.status}`);
    const [, claimed]: [unknown, number] = await this.dataSource.query(
      `UPDATE agency_tasks SET assignee = $2 WHERE id = $1 AND (assignee IS NULL OR assignee = $2 OR $3) RETURNING id`,
      [task.id, staff.sub, command.takeOver === true],
    );
    if (claimed === 0)
      throw new PassageError(
        'task-claimed',
        'a colleague holds this task: ask them to release it, or take it over explicitly (takeOver: true)',
      );
    if (command.takeOver && task.assignee && task.assignee !== staff.sub)
      await new AuditLog(this.dataSource).record({
        actor: staff.sub,
        action: 'task-taken-over',
        journeyId: task.journeyId,
        detail: { taskId: task.id, stepId: task.stepId, from: task.assignee },
      });
    return summary({ ...task, assignee: staff.sub });
  }

  /** Gives a task the caller holds back to the agency's queue; releasing a task nobody holds changes nothing. */
  async release(staff: Principal, taskId: string): Promise<InboxTask> {
    const task = await this.task(staff, taskId);
    const [, released]: [unknown, number] = await this.dataSource.query(
      `UPDATE agency_tasks SET assignee = NULL WHERE id = $1 AND (assignee IS NULL OR assignee = $2) RETURNING id`,
      [task.id, staff.sub],
    );
    if (released === 0) throw new PassageError('task-claimed', 'a colleague holds this task: only they can release it');
    return summary({ ...task, assignee: null });
  }

  /** Decides the task. Without an Idempotency-Key the task id is the key: a second decision changes nothing. */
  async decide(
    staff: Principal,
    taskId: string,
    command: DecideTaskCommand,
    idempotencyKey?: string,
  ): Promise<MessageReceipt> {
    const task = await this.task(staff, taskId);
    const journey = await this.journeyOf(task);
    const { definition } = await this.registry.require(journey.lifeEventId, journey.version);
    const step = findStep(definition, task.stepId);
    const outputs = command.outputs
      ? checkDataItems(definition, command.outputs, 'outputs', new Set(step?.produces ?? []))
      : undefined;
    if (command.outcome === 'approved') {
      const missing = (step?.produces ?? []).filter((item) => outputs?.[item] === undefined);
      if (missing.length > 0)
        throw new PassageError(
          'missing-data-item',
          `an approval must give ${missing.join(', ')}`,
          `outputs.${missing[0]}`,
        );
    }
    const receipt = await updateJourney(this.temporal, task.journeyId, decideStepUpdate, {
      idempotencyKey: idempotencyKey ?? `task:${task.id}:decision`,
      stepId: task.stepId,
      outcome: command.outcome,
      outputs,
      reason: command.reason,
      decidedBy: this.actor(staff),
    });
    return refuseConflict(receipt);
  }

  async requestInfo(
    staff: Principal,
    taskId: string,
    items: readonly string[],
    idempotencyKey?: string,
  ): Promise<MessageReceipt> {
    const task = await this.task(staff, taskId);
    const journey = await this.journeyOf(task);
    const { definition } = await this.registry.require(journey.lifeEventId, journey.version);
    items.forEach((item, index) => {
      if (!definition.dataItems[item])
        throw new PassageError(
          'invalid-data-item',
          `${item} is not a data item of ${definition.id}`,
          `items[${index}]`,
        );
    });
    const receipt = await updateJourney(this.temporal, task.journeyId, requestInfoUpdate, {
      idempotencyKey: idempotencyKey ?? `task:${task.id}:request-info:${[...items].sort().join(',')}`,
      stepId: task.stepId,
      items,
      requestedBy: this.actor(staff),
    });
    if (receipt.result === 'ignored')
      throw new PassageError('journey-not-active', receipt.detail ?? 'the task does not wait for a decision');
    return receipt;
  }

  private async task(staff: Principal, taskId: string): Promise<AgencyTaskEntity> {
    const agency = this.agencyOf(staff);
    // A task id of the wrong shape and a task of another agency look alike (README, one rule for ids).
    if (!TASK_ID.test(taskId)) throw notFound('task');
    const task = await this.dataSource.getRepository(AgencyTaskEntity).findOneBy({ id: taskId, agency });
    if (!task) throw notFound('task');
    return task;
  }

  private async journeyOf(task: AgencyTaskEntity): Promise<JourneyEntity> {
    const journey = await this.dataSource.getRepository(JourneyEntity).findOneBy({ id: task.journeyId });
    if (!journey) throw notFound('task');
    return journey;
  }

  private agencyOf(staff: Principal): string {
    if (!staff.roles.includes('agency') || !staff.agency) throw notFound('task');
    return staff.agency;
  }

  private actor(staff: Principal): Actor {
    return { id: staff.sub, role: 'agency', agency: staff.agency };
  }
}

function summary(task: AgencyTaskEntity): InboxTask {
  const open = task.status === 'open' || task.status === 'awaiting-subject';
  return {
    id: task.id,
    journeyId: task.journeyId,
    lifeEvent: task.lifeEventId,
    stepId: task.stepId,
    service: task.service,
    status: task.status,
    assignee: task.assignee ?? undefined,
    dueAt: task.dueAt?.toISOString(),
    overdue: open && task.dueAt !== null && task.dueAt.getTime() < Date.now(),
    createdAt: task.createdAt.toISOString(),
  };
}
