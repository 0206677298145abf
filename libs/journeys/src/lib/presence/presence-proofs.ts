import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { notFound, PassageError } from '@passage/contracts';
import type { PresenceKind, Principal } from '@passage/auth';

/** How a clerk serves the citizen, and what proved that the citizen is there (ADR 0010). */
export type PresenceChannel = 'counter' | 'phone';

/** A counter visit lasts at most this long; a phone call less. */
export const COUNTER_PROOF_MINUTES = 30;
export const PHONE_PROOF_MINUTES = 15;
/** A code read out on the phone lives as long as a call. */
export const PHONE_CODE_MINUTES = 15;
export const PHONE_CODE_DIGITS = 9;
/** Open codes a citizen may hold at once: enough for a dropped call, not a stock to leak. */
const MAX_OPEN_CODES = 3;

export interface PresenceProof {
  readonly id: string;
  readonly subject: string;
  readonly clerk: string;
  readonly agency: string;
  readonly channel: PresenceChannel;
  readonly kind: PresenceKind;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt?: string;
}

export interface PresenceAction {
  readonly at: string;
  readonly action: string;
  readonly journeyId?: string;
  readonly status: number;
}

export interface PhoneCode {
  readonly code: string;
  readonly expiresAt: string;
}

interface ProofRow {
  id: string;
  subject: string;
  clerk: string;
  agency: string;
  channel: PresenceChannel;
  kind: PresenceKind;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function view(row: ProofRow): PresenceProof {
  return {
    id: row.id,
    subject: row.subject,
    clerk: row.clerk,
    agency: row.agency,
    channel: row.channel,
    kind: row.kind,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    ...(row.revoked_at ? { revokedAt: row.revoked_at.toISOString() } : {}),
  };
}

/**
 * Presence at a counter or on the phone, proven rather than asserted: a proof binds a subject to one clerk of one
 * agency, on one channel, for a short window, and the citizen can revoke it. Counter staff act for a subject only
 * through a proof, and every action under it is logged for the citizen.
 */
export class PresenceProofs {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A one-time code for the citizen to read out to a clerk on the phone. */
  async createPhoneCode(subject: string): Promise<PhoneCode> {
    const open: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM presence_codes WHERE subject = $1 AND used_at IS NULL AND expires_at > $2`,
      [subject, this.now()],
    );
    if ((open[0]?.n ?? 0) >= MAX_OPEN_CODES)
      throw new PassageError(
        'rate-limited',
        `you hold ${MAX_OPEN_CODES} unused codes already: use one, or wait until they expire`,
      );
    const code = Array.from({ length: PHONE_CODE_DIGITS }, () => randomInt(10)).join('');
    const expiresAt = new Date(this.now().getTime() + PHONE_CODE_MINUTES * 60_000);
    await this.dataSource.query(
      `INSERT INTO presence_codes (id, subject, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [randomUUID(), subject, sha256(code), this.now(), expiresAt],
    );
    return { code, expiresAt: expiresAt.toISOString() };
  }

  /** The clerk heard a code from the subject on the phone; a code proves one call, once. */
  async proveByPhone(clerk: Principal, subject: string, code: string): Promise<PresenceProof> {
    const rows: { id: string; code_hash: string }[] = await this.dataSource.query(
      `SELECT id, code_hash FROM presence_codes WHERE subject = $1 AND used_at IS NULL AND expires_at > $2`,
      [subject, this.now()],
    );
    const heard = Buffer.from(sha256(code), 'hex');
    const match = rows.find((row) => timingSafeEqual(Buffer.from(row.code_hash, 'hex'), heard));
    if (!match) throw wrongEvidence('code', 'the code is not one this citizen created, or it expired or was used');
    return this.dataSource.transaction(async (tx) => {
      // For an UPDATE the driver answers [rows, count].
      const [, used]: [unknown[], number] = await tx.query(
        `UPDATE presence_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL`,
        [match.id, this.now()],
      );
      if (used === 0) throw wrongEvidence('code', 'the code was used already');
      return this.insert(tx, clerk, subject, 'phone', 'phone-code', `code:${match.id}`, PHONE_PROOF_MINUTES);
    });
  }

  /** The citizen signed in to the counter application in front of the clerk: its token names them. */
  async proveAtCounter(clerk: Principal, subject: string, token: string): Promise<PresenceProof> {
    return this.insert(
      this.dataSource.manager,
      clerk,
      subject,
      'counter',
      'idp-token',
      `token:${sha256(token)}`,
      COUNTER_PROOF_MINUTES,
    );
  }

  /** The proof a clerk holds, if it is theirs and still valid; undefined otherwise (whatever the reason). */
  async valid(clerk: Principal, proofId: string): Promise<PresenceProof | undefined> {
    const rows: ProofRow[] = await this.dataSource.query(
      `SELECT * FROM presence_proofs WHERE id = $1 AND clerk = $2 AND agency = $3 AND revoked_at IS NULL AND expires_at > $4`,
      [proofId, clerk.sub, clerk.agency ?? '', this.now()],
    );
    return rows[0] && view(rows[0]);
  }

  /** The subject's proofs, newest first, each with what was done under it. */
  async list(subject: string): Promise<(PresenceProof & { actions: PresenceAction[] })[]> {
    const proofs: ProofRow[] = await this.dataSource.query(
      `SELECT * FROM presence_proofs WHERE subject = $1 ORDER BY created_at DESC, id LIMIT 200`,
      [subject],
    );
    const actions: { proof_id: string; at: Date; action: string; journey_id: string | null; status: number }[] =
      proofs.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT proof_id, at, action, journey_id, status FROM presence_actions WHERE proof_id = ANY($1) ORDER BY at, id`,
            [proofs.map((proof) => proof.id)],
          );
    return proofs.map((proof) => ({
      ...view(proof),
      actions: actions
        .filter((action) => action.proof_id === proof.id)
        .map((action) => ({
          at: action.at.toISOString(),
          action: action.action,
          ...(action.journey_id ? { journeyId: action.journey_id } : {}),
          status: action.status,
        })),
    }));
  }

  /** Ends a proof at once; only its subject can, and for anyone else it does not exist. */
  async revoke(subject: string, proofId: string): Promise<void> {
    const [, revoked]: [unknown[], number] = await this.dataSource.query(
      `UPDATE presence_proofs SET revoked_at = $3 WHERE id = $1 AND subject = $2 AND revoked_at IS NULL`,
      [proofId, subject, this.now()],
    );
    if (revoked === 0) {
      const exists: unknown[] = await this.dataSource.query(
        `SELECT 1 FROM presence_proofs WHERE id = $1 AND subject = $2`,
        [proofId, subject],
      );
      if (exists.length === 0) throw notFound('presence proof');
    }
  }

  /** One action a clerk took under a proof, for the subject's log. */
  async record(proofId: string, action: string, journeyId: string | undefined, status: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO presence_actions (proof_id, at, action, journey_id, status) VALUES ($1, $2, $3, $4, $5)`,
      [proofId, this.now(), action, journeyId ?? null, status],
    );
  }

  private async insert(
    manager: { query: DataSource['query'] },
    clerk: Principal,
    subject: string,
    channel: PresenceChannel,
    kind: PresenceKind,
    evidence: string,
    minutes: number,
  ): Promise<PresenceProof> {
    if (!clerk.roles.includes('counter') || !clerk.agency) throw notFound('route');
    const created = this.now();
    const rows: ProofRow[] = await manager.query(
      `INSERT INTO presence_proofs (id, subject, clerk, agency, channel, kind, evidence, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (evidence) DO NOTHING RETURNING *`,
      [
        randomUUID(),
        subject,
        clerk.sub,
        clerk.agency,
        channel,
        kind,
        evidence,
        created,
        new Date(created.getTime() + minutes * 60_000),
      ],
    );
    if (!rows[0]) throw wrongEvidence('idToken', 'this sign-in proved a visit already: the citizen signs in again');
    return view(rows[0]);
  }
}

function wrongEvidence(path: string, message: string): PassageError {
  return new PassageError('forbidden', message, path);
}
