import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { migrateVersionUpdate, PassageError, type MessageReceipt } from '@passage/contracts';
import {
  assessMigration,
  type DefinitionSnapshot,
  type MigrationAssessment,
  type StepStatus,
} from '@passage/journey-model';
import { AuditLog } from '@passage/persistence';
import type { LifeEventRegistry } from '@passage/registry';
import { updateJourney } from '@passage/temporal';

/** One operation looks at this many running journeys at most; run it again for the rest. */
export const MAX_JOURNEYS_PER_MIGRATION = 10_000;

export interface MigrationCandidate {
  readonly journeyId: string;
  readonly assessment: MigrationAssessment;
}

export interface MigrationPlan {
  readonly lifeEvent: string;
  readonly from: DefinitionSnapshot;
  readonly to: DefinitionSnapshot;
  readonly journeys: readonly MigrationCandidate[];
  /** More running journeys exist than one plan holds. */
  readonly truncated: boolean;
}

export interface MigrationOutcome {
  readonly journeyId: string;
  readonly result: 'migrated' | 'refused';
  readonly reason?: string;
}

/** Which running journeys of `from` could move to `to` now, judged on the read model. Reads only. */
export async function planVersionMigration(
  dataSource: DataSource,
  registry: LifeEventRegistry,
  lifeEvent: string,
  from: number,
  to: number,
): Promise<MigrationPlan> {
  if (to <= from) throw new PassageError('invalid-request', `version ${to} is not newer than ${from}`);
  const [source, target] = await Promise.all([registry.require(lifeEvent, from), registry.require(lifeEvent, to)]);
  const rows: { id: string; steps: { id: string; status: StepStatus }[] }[] = await dataSource.query(
    `SELECT j.id, coalesce(json_agg(json_build_object('id', s.step_id, 'status', s.status)) FILTER (WHERE s.step_id IS NOT NULL), '[]') AS steps
     FROM journeys j LEFT JOIN journey_steps s ON s.journey_id = j.id
     WHERE j.life_event_id = $1 AND j.version = $2 AND j.status = 'active'
     GROUP BY j.id ORDER BY j.started_at, j.id LIMIT $3`,
    [lifeEvent, from, MAX_JOURNEYS_PER_MIGRATION + 1],
  );
  const journeys = rows.slice(0, MAX_JOURNEYS_PER_MIGRATION).map((row) => ({
    journeyId: row.id,
    // A journey whose first projection has not been written yet has no steps to judge by.
    assessment:
      row.steps.length === 0
        ? {
            canMove: false,
            reasons: ['its steps are not in the read model yet; try again in a moment'],
            added: [],
            retired: [],
          }
        : assessMigration(row.steps, source.definition, target.definition),
  }));
  return { lifeEvent, from: source, to: target, journeys, truncated: rows.length > MAX_JOURNEYS_PER_MIGRATION };
}

/**
 * Moves running journeys to a newer published version, one confirmed journey at a time (DESIGN §3): the plan says
 * which journeys are at a safe point, the journey itself checks again and answers applied or ignored, and every move
 * or refusal is written to the audit log.
 */
export class VersionMigrations {
  private readonly audit: AuditLog;

  constructor(
    dataSource: DataSource,
    private readonly temporal: Client,
  ) {
    this.audit = new AuditLog(dataSource);
  }

  /**
   * Asks the journey to move. One idempotency key per journey and target version, so a repeated run changes
   * nothing twice. A journey the read model calls unsafe is refused without asking it.
   */
  async migrate(plan: MigrationPlan, candidate: MigrationCandidate, actor: string): Promise<MigrationOutcome> {
    if (!candidate.assessment.canMove)
      return this.refuse(plan, candidate.journeyId, candidate.assessment.reasons.join('; '), actor);
    const key = `migrate:${candidate.journeyId}:v${plan.to.version}`;
    let receipt: MessageReceipt;
    try {
      receipt = await updateJourney(this.temporal, candidate.journeyId, migrateVersionUpdate, {
        idempotencyKey: key,
        snapshot: plan.to,
        actor: { id: actor, role: 'owner' },
      });
    } catch (error) {
      // Refused by the workflow's validator, or the journey has ended: recorded as refused; anything else stops the run.
      if (error instanceof PassageError && (error.code === 'invalid-request' || error.code === 'journey-not-active'))
        return this.refuse(plan, candidate.journeyId, error.message, actor);
      throw error;
    }
    // A duplicate carries the first answer's detail: with one, the journey refused that first time.
    if (receipt.result === 'ignored' || receipt.detail)
      return this.refuse(plan, candidate.journeyId, receipt.detail ?? 'the journey refused', actor);
    await this.audit.record({
      actor,
      action: 'journey-migrated',
      journeyId: candidate.journeyId,
      lifeEventId: plan.lifeEvent,
      detail: {
        from: plan.from.version,
        to: plan.to.version,
        added: candidate.assessment.added,
        retired: candidate.assessment.retired,
      },
      dedupeKey: key,
    });
    return { journeyId: candidate.journeyId, result: 'migrated' };
  }

  private async refuse(
    plan: MigrationPlan,
    journeyId: string,
    reason: string,
    actor: string,
  ): Promise<MigrationOutcome> {
    await this.audit.record({
      actor,
      action: 'journey-migration-refused',
      journeyId,
      lifeEventId: plan.lifeEvent,
      detail: { from: plan.from.version, to: plan.to.version, reason },
    });
    return { journeyId, result: 'refused', reason };
  }
}
