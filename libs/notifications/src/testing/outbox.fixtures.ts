import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { parseKeyRing, type KeyRing } from '@passage/config';
import type { DataWrite, JourneyState, ProjectionUpdate, StepState, TimelineEvent } from '@passage/contracts';
import { contentHash, type Language, type LifeEventDefinition } from '@passage/journey-model';
import { JourneyProjectionWriter, VaultCipher } from '@passage/persistence';
import { notificationsLifeEvent } from './notifications-life-event';

/** The vault's key for tests. */
export const TEST_VAULT_KEYS: KeyRing = parseKeyRing('test', `test:${Buffer.alloc(32, 7).toString('base64')}`);

/** Publishes the notifications test life event, as the registry would, so the dispatcher finds its titles. */
export async function publishTestLifeEvent(
  dataSource: DataSource,
  definition: LifeEventDefinition = notificationsLifeEvent(),
): Promise<void> {
  await dataSource.query(
    `INSERT INTO life_event_versions (life_event_id, version, hash, owner, definition) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [definition.id, definition.version, contentHash(definition), definition.owner, JSON.stringify(definition)],
  );
}

export interface JourneySpec {
  readonly subject: string;
  readonly language?: Language;
  readonly status?: JourneyState['status'];
  readonly steps?: readonly Partial<StepState>[];
}

/**
 * A journey of the test life event whose projection updates are written by the real JourneyProjectionWriter, so
 * the outbox rows are exactly those the engine's projection activity writes.
 */
export class ProjectedJourney {
  readonly journeyId = `journey-open-shop-${randomUUID()}`;
  private seq = 0;
  private n = 0;
  private readonly writer: JourneyProjectionWriter;
  private readonly definition = notificationsLifeEvent();

  constructor(
    dataSource: DataSource,
    private readonly spec: JourneySpec,
  ) {
    this.writer = new JourneyProjectionWriter(dataSource, new VaultCipher(TEST_VAULT_KEYS));
  }

  /** Projects the next update: these events (numbered on), the journey's steps, and data that became known. */
  async project(
    events: readonly Omit<TimelineEvent, 'n' | 'at'>[],
    options: {
      dataWrites?: Readonly<Record<string, string>>;
      steps?: readonly Partial<StepState>[];
      status?: JourneyState['status'];
    } = {},
  ): Promise<ProjectionUpdate> {
    const at = new Date().toISOString();
    const dataWrites: DataWrite[] = Object.entries(options.dataWrites ?? {}).map(([item, value]) => ({
      item,
      value,
      provenance: { kind: 'subject' },
      at,
      // The subject's own contact details: kept for the person, as the catalogue's vocabulary says of person items.
      scope: { scope: 'person' },
    }));
    const update: ProjectionUpdate = {
      state: this.state(options.steps ?? this.spec.steps ?? [], options.status ?? this.spec.status ?? 'active', at),
      events: events.map((event) => ({ ...event, n: ++this.n, at })),
      dataWrites,
    };
    await this.writer.apply(update);
    return update;
  }

  get subject(): string {
    return this.spec.subject;
  }

  /** Applies an update again, as a retried projection activity does. */
  async replay(update: ProjectionUpdate): Promise<void> {
    await this.writer.apply(update);
  }

  private state(steps: readonly Partial<StepState>[], status: JourneyState['status'], at: string): JourneyState {
    const definition = this.definition;
    return {
      journeyId: this.journeyId,
      lifeEvent: { id: definition.id, version: definition.version, hash: contentHash(definition) },
      owner: definition.owner,
      subject: this.spec.subject,
      language: this.spec.language ?? 'nl',
      channel: 'online',
      status,
      startedAt: at,
      seq: ++this.seq,
      steps: steps.map((step) => {
        const def = definition.steps.find((candidate) => candidate.id === step.id) ?? definition.steps[0];
        return {
          id: def.id,
          agency: def.agency,
          service: def.service,
          mode: def.mode,
          status: 'pending',
          context: { overdue: false },
          attempt: 1,
          ...step,
        };
      }),
      provenance: {},
      proactive: false,
    };
  }
}

export interface OutboxRow {
  readonly dedupe_key: string;
  readonly kind: string;
  readonly channel: string;
  readonly status: string;
  readonly attempts: number;
  readonly last_error: string | null;
  readonly sent_at: Date | null;
  readonly next_attempt_at: Date;
}

/** The outbox rows of a journey, in the order they were written. */
export function outboxRows(dataSource: DataSource, journeyId: string): Promise<OutboxRow[]> {
  return dataSource.query(
    `SELECT dedupe_key, kind, channel, status, attempts, last_error, sent_at, next_attempt_at FROM notifications WHERE journey_id = $1 ORDER BY id`,
    [journeyId],
  );
}

/** Repeats `round` (a short pause in between) until `done` holds; fails after `rounds`. */
export async function repeatUntil(
  round: () => Promise<unknown>,
  done: () => Promise<boolean>,
  rounds = 60,
): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await round();
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not done after ${rounds} rounds`);
}
