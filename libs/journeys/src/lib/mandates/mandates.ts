import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import { notFound } from '@passage/contracts';
import { MandateEntity } from '@passage/persistence';

export interface MandateGrant {
  readonly intermediary: string;
  readonly lifeEvents: readonly string[];
  readonly validFrom?: Date;
  readonly validUntil: Date;
}

/** Mandates a subject gives an intermediary (accountant, notary, guardian, caregiver), per life event and period. */
export class Mandates {
  constructor(private readonly dataSource: DataSource) {}

  async grant(subject: string, grant: MandateGrant): Promise<MandateEntity> {
    const repository = this.dataSource.getRepository(MandateEntity);
    return repository.save(
      repository.create({
        id: randomUUID(),
        subject,
        intermediary: grant.intermediary,
        lifeEvents: [...new Set(grant.lifeEvents)],
        validFrom: grant.validFrom ?? new Date(),
        validUntil: grant.validUntil,
        revokedAt: null,
        createdAt: new Date(),
      }),
    );
  }

  /** Only the subject who gave a mandate can revoke it; for anyone else it does not exist. */
  async revoke(subject: string, id: string): Promise<void> {
    const result = await this.dataSource
      .getRepository(MandateEntity)
      .update({ id, subject, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw notFound('mandate');
  }

  listForSubject(subject: string): Promise<MandateEntity[]> {
    return this.dataSource.getRepository(MandateEntity).find({ where: { subject }, order: { createdAt: 'DESC' } });
  }

  listForIntermediary(intermediary: string): Promise<MandateEntity[]> {
    return this.dataSource.getRepository(MandateEntity).find({ where: { intermediary }, order: { createdAt: 'DESC' } });
  }

  /** Whether the intermediary may act for the subject in this life event right now. */
  async allows(intermediary: string, subject: string, lifeEvent: string, at: Date = new Date()): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM mandates WHERE intermediary = $1 AND subject = $2 AND $3 = ANY(life_events)
         AND revoked_at IS NULL AND valid_from <= $4 AND valid_until > $4 LIMIT 1`,
      [intermediary, subject, lifeEvent, at],
    );
    return rows.length > 0;
  }

  /** The subjects (and their life events) an intermediary may act for now. */
  async subjectsOf(intermediary: string, at: Date = new Date()): Promise<{ subject: string; lifeEvents: string[] }[]> {
    return this.dataSource.query(
      `SELECT subject, array_agg(DISTINCT le) AS "lifeEvents" FROM mandates, unnest(life_events) AS le
        WHERE intermediary = $1 AND revoked_at IS NULL AND valid_from <= $2 AND valid_until > $2 GROUP BY subject`,
      [intermediary, at],
    );
  }
}
