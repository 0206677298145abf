import type { DataSource, EntityManager } from 'typeorm';
import { notFound, PassageError } from '@passage/contracts';
import type { DataValue, DefinitionSnapshot, Language } from '@passage/journey-model';
import type { Caller } from '@passage/auth';
import { JourneyProposalEntity, type ProposalStatus, type VaultCipher } from '@passage/persistence';
import type { LifeEventRegistry } from '@passage/registry';
import { uuidFromKey } from '@passage/temporal';
import { eventKey, type ProactiveStarter, type SourcedValue, type SourceEvent } from './proactive-starter';

export interface ProposalView {
  readonly id: string;
  readonly lifeEvent: { readonly id: string; readonly version: number; readonly title: string };
  readonly event: string;
  readonly occurredAt: string;
  readonly status: ProposalStatus;
  readonly journeyId?: string;
  readonly createdAt: string;
}

export interface ProposalDecision {
  readonly id: string;
  readonly status: ProposalStatus;
  /** The journey the acceptance started. */
  readonly journey?: { readonly id: string; readonly lifeEvent: string; readonly version: number };
}

export interface JourneyProposalsDependencies {
  readonly dataSource: DataSource;
  readonly registry: LifeEventRegistry;
  readonly cipher: VaultCipher;
  readonly starter: ProactiveStarter;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The most proposals one subject's list shows (newest first). */
const MAX_LISTED = 200;

/** The encrypted data of a proposal are bound to its subject and to the proposal itself. */
const dataItemName = (id: string) => `proposal:${id}`;

/**
 * Journeys an authentic-source event proposes to a subject when the life event asks consent first (opt-in). The
 * event's data stay encrypted in the proposal until the subject accepts (they then go to the vault and the journey)
 * and are erased when the subject declines.
 */
export class JourneyProposals {
  constructor(private readonly deps: JourneyProposalsDependencies) {}

  /** Records the proposal and notifies the subject, once per event and life event. */
  async propose(
    snapshot: DefinitionSnapshot,
    source: SourceEvent,
    data: Readonly<Record<string, SourcedValue>>,
  ): Promise<{ id: string; created: boolean }> {
    const id = uuidFromKey(`proposal:${snapshot.id}`, eventKey(source));
    const values = Object.fromEntries(Object.entries(data).map(([item, given]) => [item, given.value]));
    const sources = Object.fromEntries(Object.entries(data).map(([item, given]) => [item, given.source]));
    const sealed =
      Object.keys(values).length === 0
        ? undefined
        : this.deps.cipher.encrypt(source.subject, dataItemName(id), JSON.stringify(values));
    return this.deps.dataSource.transaction(async (tx) => {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO journey_proposals (id, subject, life_event_id, version, event, occurred_at, items, data_ciphertext, data_key_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          id,
          source.subject,
          snapshot.id,
          snapshot.version,
          source.event,
          source.occurredAt,
          JSON.stringify(sources),
          sealed?.ciphertext ?? null,
          sealed?.keyId ?? null,
        ],
      );
      if (inserted.length === 0) return { id, created: false };
      // The form of the projection's notifications; Dutch until the subject chooses (the source cannot know).
      const body = {
        event: { type: 'journey-proposed', at: source.occurredAt },
        lifeEvent: { id: snapshot.id, version: snapshot.version },
        language: 'nl',
      };
      await tx.query(
        `INSERT INTO notifications (dedupe_key, subject, journey_id, kind, channel, body)
         VALUES ($1, $2, NULL, 'journey-proposed', 'e-counter', $3) ON CONFLICT (dedupe_key) DO NOTHING`,
        [`proposal:${id}:e-counter`, source.subject, JSON.stringify(body)],
      );
      return { id, created: true };
    });
  }

  /** The caller's own proposals (for a citizen; nobody else has any). */
  async list(caller: Caller, language: Language = 'nl'): Promise<ProposalView[]> {
    if (!caller.principal.roles.includes('citizen')) return [];
    const rows = await this.deps.dataSource
      .getRepository(JourneyProposalEntity)
      .find({ where: { subject: caller.principal.sub }, order: { createdAt: 'DESC' }, take: MAX_LISTED });
    return Promise.all(
      rows.map(async (row) => {
        const { definition } = await this.deps.registry.require(row.lifeEventId, row.version);
        return {
          id: row.id,
          lifeEvent: { id: row.lifeEventId, version: row.version, title: definition.title[language] },
          event: row.event,
          occurredAt: row.occurredAt.toISOString(),
          status: row.status,
          ...(row.journeyId ? { journeyId: row.journeyId } : {}),
          createdAt: row.createdAt.toISOString(),
        };
      }),
    );
  }

  /** Starts the proposed journey with the event's data. Accepting again answers with the same journey. */
  accept(caller: Caller, id: string): Promise<ProposalDecision> {
    return this.decide(caller, id, async (tx, proposal) => {
      if (proposal.status === 'declined') throw new PassageError('already-answered', 'you declined this proposal');
      if (proposal.status === 'accepted' && proposal.journeyId) return accepted(proposal, proposal.journeyId);
      const snapshot = await this.deps.registry.require(proposal.lifeEventId, proposal.version);
      const values =
        proposal.dataCiphertext && proposal.dataKeyId
          ? this.open(proposal, proposal.dataCiphertext, proposal.dataKeyId)
          : {};
      const data = Object.fromEntries(
        Object.entries(values).map(([item, value]) => [item, { value, source: proposal.items[item] }]),
      );
      const { journeyId } = await this.deps.starter.start({
        snapshot,
        source: { event: proposal.event, subject: proposal.subject, occurredAt: proposal.occurredAt.toISOString() },
        data,
        channel: 'online',
        startedBy: { id: caller.principal.sub, role: 'citizen' },
      });
      await tx.query(
        `UPDATE journey_proposals SET status = 'accepted', journey_id = $2, decided_at = now(), data_ciphertext = NULL, data_key_id = NULL WHERE id = $1`,
        [proposal.id, journeyId],
      );
      return accepted(proposal, journeyId);
    });
  }

  /** Declines the proposal and erases the event's data. Declining again changes nothing. */
  decline(caller: Caller, id: string): Promise<ProposalDecision> {
    return this.decide(caller, id, async (tx, proposal) => {
      if (proposal.status === 'accepted')
        throw new PassageError('already-answered', 'you accepted this proposal: withdraw the journey instead');
      if (proposal.status === 'proposed') {
        await tx.query(
          `UPDATE journey_proposals SET status = 'declined', decided_at = now(), data_ciphertext = NULL, data_key_id = NULL WHERE id = $1`,
          [proposal.id],
        );
      }
      return { id: proposal.id, status: 'declined' };
    });
  }

  /** Runs a decision on the subject's own proposal, locked, so that an accept and a decline cannot both win. */
  private decide(
    caller: Caller,
    id: string,
    work: (tx: EntityManager, proposal: JourneyProposalEntity) => Promise<ProposalDecision>,
  ): Promise<ProposalDecision> {
    if (!UUID.test(id) || !caller.principal.roles.includes('citizen')) throw notFound('proposal');
    return this.deps.dataSource.transaction(async (tx) => {
      const proposal = await tx
        .getRepository(JourneyProposalEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!proposal || proposal.subject !== caller.principal.sub) throw notFound('proposal');
      return work(tx, proposal);
    });
  }

  private open(proposal: JourneyProposalEntity, ciphertext: Buffer, keyId: string): Record<string, DataValue> {
    return JSON.parse(
      this.deps.cipher.decrypt(proposal.subject, dataItemName(proposal.id), ciphertext, keyId) as string,
    ) as Record<string, DataValue>;
  }
}

function accepted(proposal: JourneyProposalEntity, journeyId: string): ProposalDecision {
  return {
    id: proposal.id,
    status: 'accepted',
    journey: { id: journeyId, lifeEvent: proposal.lifeEventId, version: proposal.version },
  };
}
