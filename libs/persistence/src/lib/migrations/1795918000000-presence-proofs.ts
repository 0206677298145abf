import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counter presence proven, not asserted (ADR 0010): the one-time codes a citizen creates to read out on the phone,
 * the proofs a clerk obtains (bound to subject, clerk, agency, channel and a short window, revocable), and every
 * action a clerk takes under a proof, for the citizen's log.
 */
export class PresenceProofs1795918000000 implements MigrationInterface {
  name = 'PresenceProofs1795918000000';

  async up(q: QueryRunner): Promise<void> {
    // Only the code's hash is kept: the code itself exists on the citizen's screen and in the clerk's ear.
    await q.query(`
      CREATE TABLE presence_codes (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX presence_codes_open ON presence_codes (subject, expires_at) WHERE used_at IS NULL`);
    // `evidence` names what proved presence (the identity provider's token, by hash, or the code, by id): each piece
    // of evidence proves one visit, never a second one for another clerk.
    await q.query(`
      CREATE TABLE presence_proofs (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        clerk text NOT NULL,
        agency text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('counter', 'phone')),
        kind text NOT NULL CHECK (kind IN ('idp-token', 'phone-code')),
        evidence text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX presence_proofs_subject ON presence_proofs (subject, created_at DESC)`);
    await q.query(`
      CREATE TABLE presence_actions (
        id bigserial PRIMARY KEY,
        proof_id uuid NOT NULL REFERENCES presence_proofs (id),
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        journey_id text,
        status integer NOT NULL
      )`);
    await q.query(`CREATE INDEX presence_actions_proof ON presence_actions (proof_id, at)`);
    await q.query(
      `CREATE INDEX presence_actions_journey ON presence_actions (journey_id, at) WHERE journey_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE presence_actions`);
    await q.query(`DROP TABLE presence_proofs`);
    await q.query(`DROP TABLE presence_codes`);
  }
}
