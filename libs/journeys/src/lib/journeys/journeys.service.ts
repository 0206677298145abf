import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { In, type DataSource } from 'typeorm';
import {
  isJourneyId,
  journeyWorkflowId,
  notFound,
  PassageError,
  provideInputsUpdate,
  resubmitStepUpdate,
  appealStepUpdate,
  withdrawUpdate,
  type JourneyState,
  type MessageReceipt,
  type Provenance,
  type TimelineEvent,
} from '@passage/contracts';
import { actingScope, type Caller, type PresenceKind } from '@passage/auth';
import {
  vocabularyFor,
  type DataValue,
  type DataVocabulary,
  type Language,
  type LifeEventDefinition,
  type StepDefinition,
} from '@passage/journey-model';
import {
  DataAccessEntity,
  insertJourneyPlaceholder,
  JourneyEntity,
  ReadModelQueries,
  reusableItems,
  reusableKeys,
  scopeIn,
  type JourneyStepEntity,
  type Vault,
} from '@passage/persistence';

import type { AgencyDirectory, LifeEventRegistry } from '@passage/registry';
import { readJourney, startJourney, updateJourney, uuidFromKey } from '@passage/temporal';
import { checkDataItems } from '@passage/validation';
import type { Mandates } from '../mandates/mandates';
import { actorOf, channelOf, type JourneyAccess, type Relation } from './journey-access';
import type { StartJourneyCommand } from './journey.commands';
import { toJourneySummary, toTimeline, type JourneySummary, type TimelineView } from './timeline.mapper';

export interface StartedJourney {
  readonly id: string;
  readonly lifeEvent: string;
  readonly version: number;
  readonly status: string;
}

export interface AccessLogEntry {
  /** The data item read; absent for a clerk's action, which `counter` and `purpose` describe. */
  readonly item?: string;
  readonly stepId?: string;
  readonly accessor: string;
  readonly accessorRole: string;
  readonly purpose: string;
  readonly at: string;
  /** A clerk acting for the subject: under which presence proof (ADR 0010). */
  readonly counter?: {
    readonly agency: string;
    readonly channel: 'counter' | 'phone';
    readonly proof: PresenceKind;
    readonly status: number;
  };
}

export interface JourneysDependencies {
  readonly dataSource: DataSource;
  readonly temporal: Client;
  readonly registry: LifeEventRegistry;
  readonly vault: Vault;
  readonly access: JourneyAccess;
  readonly mandates: Mandates;
  /** The catalogue's data vocabulary: what each item is about, so values are reused only within their scope. */
  readonly vocabulary: DataVocabulary;
  /** Agencies' names and levels, as timelines show them. */
  readonly agencies: AgencyDirectory;
  /** Task queue of the engine (tests use their own). */
  readonly taskQueue?: string;
}

/** The citizen's front door: start journeys, follow them on one timeline, answer once, withdraw, see who read what. */
export class JourneysService {
  private readModel: ReadModelQueries | undefined;

  constructor(private readonly deps: JourneysDependencies) {}

  async start(caller: Caller, command: StartJourneyCommand, idempotencyKey?: string): Promise<StartedJourney> {
    const { registry, access, vault, temporal, vocabulary } = this.deps;
    const snapshot = await registry.require(command.lifeEvent);
    const definition = snapshot.definition;
    const subject = access.subjectFor(caller, command.subject);
    const relation = await access.require(caller, subject, definition.id, 'subject');
    const given = checkDataItems(definition, command.intake, 'intake', allowedAtIntake(definition));

    const uuid = idempotencyKey ? uuidFromKey(actingScope(caller), idempotencyKey) : randomUUID();
    const journeyId = journeyWorkflowId(definition.id, uuid);
    const missing = definition.intake.filter((item) => given[item] === undefined);
    const known = await vault.knownItems(
      subject,
      reusableKeys(definition, vocabulary, given, journeyId, [...missing, ...reusableItems(definition)]),
    );
    const stillMissing = missing.filter((item) => !known.some((key) => key.item === item));
    if (stillMissing.length > 0) {
      throw new PassageError(
        'missing-data-item',
        `the intake needs ${stillMissing.join(', ')}`,
        `intake.${stillMissing[0]}`,
      );
    }

    const reused = await vault.read(subject, known, {
      accessor: 'passage',
      accessorRole: 'system',
      purpose: `reused at the start of ${definition.id}`,
      journeyId,
    });
    const provenance: Record<string, Provenance> = {};
    const data: Record<string, DataValue> = {};
    for (const [item, { value, provenance: source }] of Object.entries(reused)) {
      data[item] = value;
      provenance[item] = source.kind === 'authentic-source' ? source : { kind: 'reused', from: 'vault' };
    }
    for (const [item, value] of Object.entries(given)) {
      data[item] = value;
      provenance[item] = { kind: 'intake' };
    }
    await vault.write(
      subject,
      given,
      { kind: 'intake' },
      { scopeOf: scopeIn(definition, vocabulary, data, journeyId) },
    );

    const actor = actorOf(caller, relation);
    const channel = channelOf(caller, relation, command.channel);
    const language: Language = command.language ?? 'nl';
    try {
      await startJourney(
        temporal,
        {
          snapshot,
          subject,
          language,
          channel,
          startedBy: actor,
          data,
          provenance,
          vocabulary: vocabularyFor(definition, vocabulary),
        },
        { uuid, taskQueue: this.deps.taskQueue },
      );
    } catch (error) {
      // The same idempotency key again: the journey exists already, answer with it.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    await insertJourneyPlaceholder(this.deps.dataSource, {
      journeyId,
      lifeEventId: snapshot.id,
      version: snapshot.version,
      owner: definition.owner,
      subject,
      channel,
      language,
      proactive: false,
    });
    return { id: journeyId, lifeEvent: snapshot.id, version: snapshot.version, status: 'active' };
  }

  async list(caller: Caller, language: Language | undefined): Promise<JourneySummary[]> {
    const { principal } = caller;
    const repository = this.deps.dataSource.getRepository(JourneyEntity);
    let journeys: JourneyEntity[];
    if (principal.roles.includes('citizen')) {
      journeys = await this.reads().journeysOf(principal.sub, 200);
    } else if (principal.roles.includes('counter') && caller.presentSubject && caller.assistedChannel) {
      journeys = await this.reads().journeysOf(caller.presentSubject, 200);
    } else if (principal.roles.includes('intermediary')) {
      const allowed = await this.deps.mandates.subjectsOf(principal.sub);
      const rows =
        allowed.length === 0
          ? []
          : await repository.find({
              where: { subject: In(allowed.map((a) => a.subject)) },
              order: { startedAt: 'DESC' },
              take: 500,
            });
      journeys = rows.filter((row) =>
        allowed.some((a) => a.subject === row.subject && a.lifeEvents.includes(row.lifeEventId)),
      );
    } else {
      journeys = [];
    }
    return Promise.all(
      journeys.map(async (journey) => {
        const { definition } = await this.deps.registry.require(journey.lifeEventId, journey.version);
        return toJourneySummary(journey, definition, language ?? (journey.language as Language));
      }),
    );
  }

  async timeline(caller: Caller, journeyId: string, language: Language | undefined): Promise<TimelineView> {
    if (!isJourneyId(journeyId)) throw notFound('journey');
    // One statement, one snapshot: the journey row, its steps and its events as one projection left them.
    const rows = await this.reads().timeline(journeyId);
    if (!rows) throw notFound('journey');
    const { journey, steps, events } = rows;
    await this.relationTo(caller, journey);
    const snapshot = await this.deps.registry.require(journey.lifeEventId, journey.version);
    return toTimeline(
      journey,
      steps,
      events,
      snapshot.definition,
      await this.deps.agencies.byId(),
      language ?? (journey.language as Language),
      await this.retiredSteps(journey, snapshot.definition, steps),
    );
  }

  /** After a migration, finished steps the new version dropped keep their earlier definition (title, agency). */
  private async retiredSteps(
    journey: JourneyEntity,
    current: LifeEventDefinition,
    rows: readonly JourneyStepEntity[],
  ): Promise<StepDefinition[]> {
    const missing = new Set(
      rows.map((row) => row.stepId).filter((id) => !current.steps.some((step) => step.id === id)),
    );
    const found: StepDefinition[] = [];
    for (let version = journey.version - 1; version >= 1 && missing.size > 0; version--) {
      for (const step of (await this.deps.registry.find(journey.lifeEventId, version))?.definition.steps ?? []) {
        if (missing.delete(step.id)) found.push(step);
      }
    }
    return found;
  }

  /** Answers what is asked. Only items asked now are accepted (data minimisation); the journey stores them once. */
  async provideInputs(
    caller: Caller,
    journeyId: string,
    items: Readonly<Record<string, DataValue>>,
    idempotencyKey: string,
  ): Promise<MessageReceipt> {
    const { journey, relation } = await this.authorised(caller, journeyId);
    this.requireActive(journey);
    const { definition } = await this.deps.registry.require(journey.lifeEventId, journey.version);
    const values = checkDataItems(definition, items, 'items', new Set(Object.keys(definition.dataItems)));
    // Only what the journey asks now, or a step of the subject's will ask later, reaches it (data minimisation, and
    // a journey's state does not grow with items nobody wants).
    const askable = askableItems(definition, await readJourney(this.deps.temporal, journeyId));
    const refused = Object.keys(values).find((item) => !askable.has(item));
    if (refused !== undefined)
      throw new PassageError(
        'not-asked',
        `${refused} is not asked of you, and no step will ask for it`,
        `items.${refused}`,
      );
    const receipt = await updateJourney(this.deps.temporal, journeyId, provideInputsUpdate, {
      idempotencyKey,
      items: values,
      actor: actorOf(caller, relation),
    });
    if (receipt.result === 'ignored')
      throw new PassageError('not-asked', 'none of these data items is asked of you now', 'items');
    return receipt;
  }

  /** Answers a refusal that allows it with new data: the step runs again as a new attempt. */
  async resubmit(
    caller: Caller,
    journeyId: string,
    stepId: string,
    items: Readonly<Record<string, DataValue>>,
    idempotencyKey: string,
  ): Promise<MessageReceipt> {
    const { journey, relation } = await this.authorised(caller, journeyId);
    this.requireActive(journey);
    const { definition } = await this.deps.registry.require(journey.lifeEventId, journey.version);
    const step = stepNamed(definition, stepId);
    const values = checkDataItems(definition, items, 'items', new Set(step.needs));
    const receipt = await updateJourney(this.deps.temporal, journeyId, resubmitStepUpdate, {
      idempotencyKey,
      stepId,
      items: values,
      actor: actorOf(caller, relation),
    });
    return refusalAnswered(receipt);
  }

  /** Appeals a refusal that allows it: the appeal goes to the body the step names. */
  async appeal(
    caller: Caller,
    journeyId: string,
    stepId: string,
    reason: string | undefined,
    idempotencyKey: string,
  ): Promise<MessageReceipt> {
    const { journey, relation } = await this.authorised(caller, journeyId);
    this.requireActive(journey);
    const { definition } = await this.deps.registry.require(journey.lifeEventId, journey.version);
    stepNamed(definition, stepId);
    const receipt = await updateJourney(this.deps.temporal, journeyId, appealStepUpdate, {
      idempotencyKey,
      stepId,
      reason,
      actor: actorOf(caller, relation),
    });
    return refusalAnswered(receipt);
  }

  async withdraw(
    caller: Caller,
    journeyId: string,
    reason: string | undefined,
    idempotencyKey: string,
  ): Promise<MessageReceipt> {
    const { journey, relation } = await this.authorised(caller, journeyId);
    this.requireActive(journey);
    const receipt = await updateJourney(this.deps.temporal, journeyId, withdrawUpdate, {
      idempotencyKey,
      actor: actorOf(caller, relation),
      reason,
    });
    if (receipt.result === 'ignored')
      throw new PassageError('journey-not-active', receipt.detail ?? 'the journey has ended');
    return receipt;
  }

  /**
   * Who read which data item of this journey, when, for which step and why, and what counter staff did with it under
   * which presence proof. Not for counter staff.
   */
  async accessLog(caller: Caller, journeyId: string): Promise<AccessLogEntry[]> {
    await this.authorisedToFollow(caller, journeyId);
    const rows = await this.deps.dataSource
      .getRepository(DataAccessEntity)
      .find({ where: { journeyId }, order: { at: 'ASC', id: 'ASC' } });
    const reads: AccessLogEntry[] = rows.map((row) => ({
      item: row.item,
      stepId: row.stepId ?? undefined,
      accessor: row.accessor,
      accessorRole: row.accessorRole,
      purpose: row.purpose,
      at: row.at.toISOString(),
    }));
    const actions: {
      at: Date;
      action: string;
      status: number;
      clerk: string;
      agency: string;
      channel: 'counter' | 'phone';
      kind: PresenceKind;
    }[] = await this.deps.dataSource.query(
      `SELECT a.at, a.action, a.status, p.clerk, p.agency, p.channel, p.kind
         FROM presence_actions a JOIN presence_proofs p ON p.id = a.proof_id
        WHERE a.journey_id = $1 ORDER BY a.at, a.id`,
      [journeyId],
    );
    const byClerks: AccessLogEntry[] = actions.map((action) => ({
      accessor: action.clerk,
      accessorRole: 'counter',
      purpose: action.action,
      at: action.at.toISOString(),
      counter: { agency: action.agency, channel: action.channel, proof: action.kind, status: action.status },
    }));
    return [...reads, ...byClerks].sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Timeline events after `afterN`, for live updates (server-sent events resume from the last id seen). */
  async eventsSince(caller: Caller, journeyId: string, afterN: number): Promise<TimelineEvent[]> {
    if (!isJourneyId(journeyId)) throw notFound('journey');
    // Access is checked again at every read (a mandate may end while a stream is open), in the same statement.
    const since = await this.reads().eventsSince(journeyId, afterN);
    if (!since) throw notFound('journey');
    this.requireFollower(await this.relationTo(caller, since.journey));
    return since.events;
  }

  /** Checks that the caller may see the journey; a malformed id, a journey of someone else and no journey look alike. */
  async authorised(caller: Caller, journeyId: string): Promise<{ journey: JourneyEntity; relation: Relation }> {
    if (!isJourneyId(journeyId)) throw notFound('journey');
    const journey = await this.reads().journey(journeyId);
    if (!journey) throw notFound('journey');
    return { journey, relation: await this.relationTo(caller, journey) };
  }

  private async relationTo(caller: Caller, journey: JourneyEntity): Promise<Relation> {
    const relation = await this.deps.access.relation(caller, journey.subject, journey.lifeEventId);
    if (!relation) throw notFound('journey');
    return relation;
  }

  /** The read model's hot statements, on the data source's pool (which exists once the data source is initialized). */
  private reads(): ReadModelQueries {
    this.readModel ??= new ReadModelQueries(this.deps.dataSource);
    return this.readModel;
  }

  /**
   * The access log and the live events are for the subject and their intermediaries (DESIGN §6): a clerk helps at
   * the counter, but does not follow the journey afterwards. For them these routes do not exist.
   */
  async authorisedToFollow(caller: Caller, journeyId: string): Promise<{ journey: JourneyEntity; relation: Relation }> {
    const authorised = await this.authorised(caller, journeyId);
    this.requireFollower(authorised.relation);
    return authorised;
  }

  private requireFollower(relation: Relation): void {
    if (relation === 'counter') throw notFound('journey');
  }

  private requireActive(journey: JourneyEntity): void {
    if (journey.status !== 'active') throw new PassageError('journey-not-active', `the journey is ${journey.status}`);
  }
}

function authenticItems(definition: LifeEventDefinition): string[] {
  return Object.entries(definition.dataItems)
    .filter(([, spec]) => spec.authenticSource)
    .map(([item]) => item);
}

/** Items asked now, and items a subject's step that has not started yet will ask for (they are held until then). */
function askableItems(definition: LifeEventDefinition, state: JourneyState): ReadonlySet<string> {
  const statusOf = new Map(state.steps.map((step) => [step.id, step.status]));
  return new Set([
    ...state.steps.flatMap((step) => step.asked ?? []),
    ...definition.steps
      .filter((step) => step.mode === 'citizen' && statusOf.get(step.id) === 'pending')
      .flatMap((step) => step.produces),
  ]);
}

/** At the start a subject may give the intake items and the items an authentic source would otherwise provide. */
function allowedAtIntake(definition: LifeEventDefinition): ReadonlySet<string> {
  return new Set([...definition.intake, ...authenticItems(definition)]);
}

/** The definition's step of that id; an unknown id is the caller's mistake, at `stepId`. */
function stepNamed(definition: LifeEventDefinition, stepId: string): StepDefinition {
  const step = definition.steps.find((s) => s.id === stepId);
  if (!step) throw new PassageError('invalid-request', `${definition.id} has no step ${stepId}`, 'stepId');
  return step;
}

/** A resubmission or appeal the journey ignored found no open refusal to answer. */
function refusalAnswered(receipt: MessageReceipt): MessageReceipt {
  if (receipt.result === 'ignored') throw new PassageError('refusal-not-open', receipt.detail ?? '', 'stepId');
  return receipt;
}
