import { Pool } from 'pg';

/** One execution of a service by a simulated agency: what it did, under which idempotency key. */
export interface Execution {
  readonly idempotencyKey: string;
  readonly journeyId: string;
  readonly stepId: string;
  readonly agency: string;
  readonly service: string;
  readonly kind: 'perform' | 'compensate';
  readonly outcome: string;
}

/**
 * The agencies' own record of what they executed, as a real agency keeps one in its back office: a row per
 * execution, in a table of the database given (`--ledger-url`). A request delivered twice is executed twice here;
 * an agency that acts once per key absorbs the second, and the fault suite counts both (invariant I3).
 */
export interface ExecutionLedger {
  record(execution: Execution): Promise<void>;
  close(): Promise<void>;
}

export const EXECUTION_LEDGER_TABLE = 'simulated_agency_executions';

export async function openExecutionLedger(url: string): Promise<ExecutionLedger> {
  const pool = new Pool({ connectionString: url, max: 4 });
  await pool.query(
    `CREATE TABLE IF NOT EXISTS ${EXECUTION_LEDGER_TABLE} (
       id bigserial PRIMARY KEY,
       idempotency_key text NOT NULL,
       journey_id text NOT NULL,
       step_id text NOT NULL,
       agency text NOT NULL,
       service text NOT NULL,
       kind text NOT NULL,
       outcome text NOT NULL,
       executed_at timestamptz NOT NULL DEFAULT now(),
       pid integer NOT NULL
     )`,
  );
  return {
    record: async (e) => {
      // A failure here is thrown: the agency's back office is down, and Passage retries the request.
      await pool.query(
        `INSERT INTO ${EXECUTION_LEDGER_TABLE} (idempotency_key, journey_id, step_id, agency, service, kind, outcome, pid)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [e.idempotencyKey, e.journeyId, e.stepId, e.agency, e.service, e.kind, e.outcome, process.pid],
      );
    },
    close: () => pool.end(),
  };
}
