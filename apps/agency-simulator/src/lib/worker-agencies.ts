import {
  deliverDecision,
  runAgencyWorker,
  type AgencyWorker,
  type PassageConnection,
  type PayloadKeys,
  type ServiceStep,
} from '@passage/agency-sdk';
import type { DecideLater } from './service-steps';
import type { SimulatedAgency } from './roster';

export interface WorkerAgenciesOptions {
  readonly agencies: readonly SimulatedAgency[];
  readonly passage: PassageConnection;
  readonly payloadKeys: PayloadKeys;
  /** The agency's service steps, given how it decides later. */
  readonly steps: (agency: SimulatedAgency, decideLater: DecideLater) => ServiceStep[];
}

export interface WorkerAgencies {
  /** Stops polling and lets running handlers finish. */
  stop(): Promise<void>;
}

/** One SDK worker per agency on its queue `agency-<id>`; a later decision goes back as Passage's `decideStep` update. */
export async function startWorkerAgencies(options: WorkerAgenciesOptions): Promise<WorkerAgencies> {
  const { passage } = options;
  const workers: AgencyWorker[] = [];
  try {
    for (const agency of options.agencies) {
      const decideLater: DecideLater = (context) => (decision) =>
        deliverDecision(passage.client, context.ref, { ...decision, decidedBy: `sim-backoffice-${agency.id}` });
      workers.push(
        await runAgencyWorker({
          agency: agency.id,
          steps: options.steps(agency, decideLater),
          connection: passage.connection,
          namespace: passage.namespace,
          payloadKeys: options.payloadKeys,
        }),
      );
    }
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.shutdown()));
    throw error;
  }
  return { stop: async () => void (await Promise.all(workers.map((worker) => worker.shutdown()))) };
}
