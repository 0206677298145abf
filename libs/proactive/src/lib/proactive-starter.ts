import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { journeyWorkflowId, type Actor, type Provenance } from '@passage/contracts';
import {
  vocabularyFor,
  type Channel,
  type DataValue,
  type DataVocabulary,
  type DefinitionSnapshot,
} from '@passage/journey-model';
import { insertJourneyPlaceholder, reusableItems, reusableKeys, scopeIn, type Vault } from '@passage/persistence';
import { startJourney, uuidFromKey } from '@passage/temporal';

/** An event of an authentic source about a subject: what makes a proactive journey unique. */
export interface SourceEvent {
  readonly event: string;
  readonly subject: string;
  /** ISO 8601, normalised (the same instant always reads the same). */
  readonly occurredAt: string;
}

/** A data item's value as a source gave it, and the authentic source that holds it. */
export interface SourcedValue {
  readonly value: DataValue;
  readonly source: string;
}

export interface ProactiveStart {
  readonly snapshot: DefinitionSnapshot;
  readonly source: SourceEvent;
  readonly data: Readonly<Record<string, SourcedValue>>;
  readonly channel: Channel;
  readonly startedBy: Actor;
}

export interface ProactiveStartDependencies {
  readonly dataSource: DataSource;
  readonly temporal: Client;
  readonly vault: Vault;
  /** The catalogue's data vocabulary: what each item is about, so values are reused only within their scope. */
  readonly vocabulary: DataVocabulary;
  readonly taskQueue?: string;
}

/** The same event for the same life event always names the same journey. */
export function eventKey(source: SourceEvent): string {
  return `${source.event}\u0000${source.subject}\u0000${source.occurredAt}`;
}

/**
 * Starts a journey without an application, from an authentic source's event: its data go to the vault (provenance:
 * that source) and, with what the vault already knew, into the journey. Once per event and life event.
 */
export class ProactiveStarter {
  constructor(private readonly deps: ProactiveStartDependencies) {}

  async start(request: ProactiveStart): Promise<{ journeyId: string; created: boolean }> {
    const { snapshot, source } = request;
    const uuid = uuidFromKey(`trigger:${snapshot.id}`, eventKey(source));
    const journeyId = journeyWorkflowId(snapshot.id, uuid);
    // The read model outlives the workflow: Temporal would accept the id again once the journey has closed.
    const known: unknown[] = await this.deps.dataSource.query(`SELECT 1 FROM journeys WHERE id = $1`, [journeyId]);
    if (known.length > 0) return { journeyId, created: false };

    const { vault, vocabulary } = this.deps;
    const definition = snapshot.definition;
    const at = new Date(source.occurredAt);
    const given = Object.fromEntries(Object.entries(request.data).map(([item, { value }]) => [item, value]));
    const scopeOf = scopeIn(definition, vocabulary, given, journeyId);
    for (const [item, sourced] of Object.entries(request.data)) {
      await vault.write(
        source.subject,
        { [item]: sourced.value },
        { kind: 'authentic-source', source: sourced.source },
        { at, scopeOf },
      );
    }
    // The source's values are read back like the rest, so the access log shows that this journey used them.
    const available = await vault.knownItems(source.subject, [
      ...Object.keys(given).map((item) => ({ item, scope: scopeOf(item) })),
      ...reusableKeys(definition, vocabulary, given, journeyId, reusableItems(definition)),
    ]);
    const reused = await vault.read(source.subject, available, {
      accessor: 'passage',
      accessorRole: 'system',
      purpose: `reused at the proactive start of ${snapshot.id}`,
      journeyId,
    });
    const data: Record<string, DataValue> = {};
    const provenance: Record<string, Provenance> = {};
    for (const [item, { value, provenance: from }] of Object.entries(reused)) {
      data[item] = value;
      provenance[item] = from.kind === 'authentic-source' ? from : { kind: 'reused', from: 'vault' };
    }

    let created = true;
    try {
      // A source does not know the subject's language: Dutch, the administration's, until the subject chooses.
      await startJourney(
        this.deps.temporal,
        {
          snapshot,
          subject: source.subject,
          language: 'nl',
          channel: request.channel,
          startedBy: request.startedBy,
          data,
          provenance,
          proactive: { event: source.event },
          vocabulary: vocabularyFor(definition, vocabulary),
        },
        { uuid, taskQueue: this.deps.taskQueue },
      );
    } catch (error) {
      // The same event at the same moment from another API replica.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      created = false;
    }
    await insertJourneyPlaceholder(this.deps.dataSource, {
      journeyId,
      lifeEventId: snapshot.id,
      version: snapshot.version,
      owner: snapshot.definition.owner,
      subject: source.subject,
      channel: request.channel,
      language: 'nl',
      proactive: true,
    });
    return { journeyId, created };
  }
}
