import type { DataSource } from 'typeorm';
import { AgencyCallbackEntity, type AgencyCallbackOutcome } from '@passage/persistence';
import { hashCallbackToken, isCallbackToken, newCallbackToken } from './callback-token';

/** The business action a callback decides: one attempt of one step of a journey, at one agency. */
export interface CallbackTarget {
  readonly journeyId: string;
  readonly stepId: string;
  readonly attempt: number;
  readonly agency: string;
}

/** Callback tokens: issued with a service request, looked up when the agency posts its decision. */
export class AgencyCallbackStore {
  constructor(private readonly dataSource: DataSource) {}

  /** A fresh token for this target (each call of the webhook gets its own; all of them decide the same step). */
  async issue(target: CallbackTarget): Promise<string> {
    const token = newCallbackToken();
    await this.dataSource.query(
      `INSERT INTO agency_callbacks (token, journey_id, step_id, attempt, agency, created_at) VALUES ($1, $2, $3, $4, $5, now())`,
      [hashCallbackToken(token), target.journeyId, target.stepId, target.attempt, target.agency],
    );
    return token;
  }

  /** The callback of a token as it appears in the URL; null when malformed or unknown (the two look the same). */
  find(token: string): Promise<AgencyCallbackEntity | null> {
    if (!isCallbackToken(token)) return Promise.resolve(null);
    return this.dataSource.getRepository(AgencyCallbackEntity).findOneBy({ token: hashCallbackToken(token) });
  }

  /** Records the first use; later callbacks with the same token leave the record as it is. */
  async recordUse(tokenHash: string, outcome: AgencyCallbackOutcome): Promise<void> {
    await this.dataSource.query(
      `UPDATE agency_callbacks SET used_at = COALESCE(used_at, now()), outcome = COALESCE(outcome, $2::jsonb) WHERE token = $1`,
      [tokenHash, JSON.stringify(outcome)],
    );
  }
}
