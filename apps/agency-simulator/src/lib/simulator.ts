import { connectToPassage, createInboxClient, InboxError } from '@passage/agency-sdk';
import { DevTokenVerifier } from '@passage/auth';
import type { KeyRing, TemporalSettings } from '@passage/config';
import { agencySecretVariable } from '@passage/devstack';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { activityLine } from './activity-log';
import { awaitAdapter } from './adapter-readiness';
import { BusyPeriod } from './busy-period';
import type { BehaviourSettings } from './behaviour.model';
import { devTokens } from './dev-tokens';
import { openExecutionLedger, type ExecutionLedger } from './execution-ledger';
import { InboxDesk } from './inbox-desk';
import { LaterDecisions } from './later-decisions';
import { buildRoster, type SimulatedAgency } from './roster';
import { serviceSteps, type DecideLater } from './service-steps';
import { startWebhookAgencies } from './webhook-agencies';
import { registerWebhooks } from './webhook-registration';
import { startWorkerAgencies } from './worker-agencies';

export interface SimulatorOptions {
  readonly behaviour: BehaviourSettings;
  /** Service steps taking longer (in real time) answer `accepted` and are decided later. */
  readonly maxHoldMs: number;
  readonly pollMs: number;
  readonly idlePollMs: number;
  /** The webhook agencies' port on 127.0.0.1; 0 for any free one. */
  readonly webhookPort: number;
  /** Passage's API as agencies reach it. */
  readonly apiUrl: string;
  readonly temporal: TemporalSettings;
  readonly payloadKeys: KeyRing;
  /** Passage's development token secret: the simulated staff and the registry admin sign their tokens with it. */
  readonly jwtSecret: string;
  /** Where webhook secrets are read (`PASSAGE_AGENCY_SECRET_<ID>`). */
  readonly env: NodeJS.ProcessEnv;
  readonly print: (line: string) => void;
  /** Whether simulated staff decide the inbox tasks. */
  readonly inbox: boolean;
  /** A PostgreSQL database where every service execution is recorded (see execution-ledger.ts). */
  readonly ledgerUrl?: string;
}

export interface RunningSimulator {
  readonly roster: readonly SimulatedAgency[];
  /** Stops the inboxes, sends the decisions promised, gives the webhook agencies back to their queues, stops the rest. */
  stop(): Promise<void>;
}

/** How long the simulator waits for Passage's API, which `passage dev` starts side by side with it. */
const API_READY_TIMEOUT_MS = 120_000;
/** Passage's adapter re-reads the registry every 30 s by default (2 s under `passage dev`): past this, something is wrong. */
const ADAPTER_WAIT_MS = 40_000;
/** After a sign of a journey under way, every inbox is watched closely this long. */
const BUSY_MS = 60_000;
const MAX_PENDING_DECISIONS = 10_000;
const DECISION_ATTEMPTS = 5;

/** Every agency of the catalogue, simulated: services as SDK workers or webhooks, manual steps by staff at the inbox. */
export async function startAgencySimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const roster = buildRoster(CATALOGUE, AGENCIES);
  const verifier = new DevTokenVerifier(options.jwtSecret);
  const print = options.print;
  const today = () => new Date().toISOString().slice(0, 10);
  const busy = new BusyPeriod(BUSY_MS);
  const later = new LaterDecisions({
    maxPending: MAX_PENDING_DECISIONS,
    attempts: DECISION_ATTEMPTS,
    onFailure: (what, error) =>
      print(`agency-simulator: ${what}: the decision was not delivered (${describeError(error)})`),
  });
  let ledger: ExecutionLedger | undefined;
  const steps = (agency: SimulatedAgency, decideLater: DecideLater) =>
    serviceSteps({
      agency,
      settings: options.behaviour,
      maxHoldMs: options.maxHoldMs,
      later,
      decideLater,
      busy,
      log: (activity) => print(activityLine(activity)),
      today,
      ledger,
    });
  const stops: (() => Promise<void>)[] = [];
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      for (const part of [...stops].reverse())
        await part().catch((error: unknown) => print(`agency-simulator: stopping: ${describeError(error)}`));
    })());
  try {
    if (options.ledgerUrl) {
      const opened = await openExecutionLedger(options.ledgerUrl);
      ledger = opened;
      stops.push(() => opened.close());
    }
    const passage = await connectToPassage({ ...options.temporal, payloadKeys: options.payloadKeys });
    stops.push(() => passage.close());
    const workers = await startWorkerAgencies({
      agencies: roster.filter((a) => a.delivery === 'worker'),
      passage,
      payloadKeys: options.payloadKeys,
      steps,
    });
    stops.push(() => workers.stop());
    const webhookAgencies = roster.filter((a) => a.delivery === 'webhook');
    const webhooks = await startWebhookAgencies({
      agencies: webhookAgencies,
      secretOf: (agency) => secretOf(options.env, agency.id),
      port: options.webhookPort,
      steps,
    });
    stops.push(() => webhooks.stop());
    // Promised decisions go out before the webhook agencies leave the registry and the connection closes.
    stops.push(() => later.stop());
    const registration = await registerWebhooks({
      apiUrl: options.apiUrl,
      adminToken: devTokens(verifier, { sub: 'agency-simulator', roles: ['admin'] }),
      webhooks: webhookAgencies.map((agency) => ({
        agency: agency.id,
        url: webhooks.urlOf(agency.id),
        secretRef: `env:${agencySecretVariable(agency.id)}`,
      })),
      readyTimeoutMs: API_READY_TIMEOUT_MS,
    });
    stops.push(() => registration.restore());
    const desks = roster
      .filter((agency) => options.inbox && agency.inbox.size > 0)
      .map((agency) => inboxDesk(options, verifier, agency, busy, today));
    for (const desk of desks) desk.start();
    stops.push(async () => void (await Promise.all(desks.map((desk) => desk.stop()))));
    const unserved = await awaitAdapter(
      passage.client,
      webhookAgencies.map((a) => a.id),
      ADAPTER_WAIT_MS,
      (waiting) =>
        print(
          `agency-simulator: waiting until Passage's webhook adapter serves ${waiting.join(', ')} (it re-reads the agency registry periodically)`,
        ),
    );
    if (unserved.length > 0)
      print(
        `agency-simulator: nothing serves ${unserved.join(', ')} yet: their requests wait on their queues (is the webhook adapter running in Passage's worker?)`,
      );
    for (const agency of roster) print(`agency-simulator: ${describe(agency)}`);
    return { roster, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function inboxDesk(
  options: SimulatorOptions,
  verifier: DevTokenVerifier,
  agency: SimulatedAgency,
  busy: BusyPeriod,
  today: () => string,
): InboxDesk {
  const staffId = `sim-staff-${agency.id}`;
  return new InboxDesk({
    agency,
    inbox: createInboxClient({
      baseUrl: options.apiUrl,
      token: devTokens(verifier, { sub: staffId, roles: ['agency'], agency: agency.id }),
    }),
    staffId,
    settings: options.behaviour,
    pollMs: options.pollMs,
    idlePollMs: options.idlePollMs,
    busy,
    log: (activity) => options.print(activityLine(activity)),
    onError: (id, error) => options.print(`agency-simulator: ${id} inbox: ${describeError(error)}`),
    today,
  });
}

function secretOf(env: NodeJS.ProcessEnv, agency: string): string {
  const variable = agencySecretVariable(agency);
  const secret = env[variable];
  if (!secret)
    throw new Error(
      `${variable} is not set: run the simulator with the environment of Passage's worker and API (passage dev gives all three the same secrets)`,
    );
  return secret;
}

function describe(agency: SimulatedAgency): string {
  const parts = [
    ...(agency.delivery ? [`${agency.delivery} (${agency.services.map((s) => s.service).join(', ')})`] : []),
    ...(agency.inbox.size > 0
      ? [`inbox (${[...new Set([...agency.inbox.values()].map((s) => s.step.service))].join(', ')})`]
      : []),
  ];
  return `${agency.id}: ${parts.join(' + ') || 'citizen steps only: nothing to simulate'}`;
}

/** By class (and Passage's status and code) only: messages may name journeys or tasks. */
function describeError(error: unknown): string {
  if (error instanceof InboxError) return `${error.name} ${error.status} ${error.code}`;
  return error instanceof Error ? error.name : 'failed';
}
