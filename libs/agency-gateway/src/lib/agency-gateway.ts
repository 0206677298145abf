import { Runtime, Worker, type NativeConnection } from '@temporalio/worker';
import type { Logger } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { agencyTaskQueue, type AgencyActivities } from '@passage/contracts';
import type { KeyRing, PassageEnvironment } from '@passage/config';
import { AgencyRegistry, webhookUrlPolicyProblem } from '@passage/registry';
import type { AgencyEntity } from '@passage/persistence';
import { passageDataConverter } from '@passage/temporal';
import { AgencyCallbackStore } from './callbacks/agency-callback.store';
import { CircuitBreaker, DEFAULT_BREAKER_SETTINGS, type BreakerSettings } from './delivery/circuit-breaker';
import { resolveAgencySecret } from './delivery/secret-ref';
import { contractViolation, WebhookServiceAdapter } from './delivery/webhook-service.adapter';

export interface AgencyGatewayOptions {
  readonly connection: NativeConnection;
  readonly namespace?: string;
  readonly dataSource: DataSource;
  readonly payloadKeys: KeyRing;
  /** The API's base URL as agencies reach it, for callback URLs (`PassageConfig.publicUrl`). */
  readonly publicUrl: string;
  readonly environment: PassageEnvironment;
  /** How often the agency registry is read again, to follow an admin's changes of delivery. */
  readonly registryRefreshMs?: number;
  /** Budget of one HTTP call to an agency. */
  readonly requestTimeoutMs?: number;
  readonly breaker?: Partial<BreakerSettings>;
  /** Where `env:` secret references are read (the process's environment by default). */
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: Logger;
}

export interface AgencyGateway {
  /** The agencies served now (webhook delivery), sorted. */
  serving(): string[];
  /** Stops every agency worker, letting calls in flight finish within the request timeout. */
  stop(): Promise<void>;
}

interface RunningAgency {
  readonly fingerprint: string;
  readonly worker: Worker;
  readonly run: Promise<void>;
}

type WebhookRow = AgencyEntity & { delivery: { kind: 'webhook'; url: string; secretRef: string } };

const DEFAULT_REFRESH_MS = 30_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const UNLIMITED_PER_SECOND = 100_000;

/**
 * Serves every agency whose delivery is a webhook: one Temporal worker per agency on `agency-<id>`, rate-limited by
 * the agency's `rate_limit_per_minute` (a limit of the task queue, shared by every replica). The registry is read
 * again every `registryRefreshMs`: workers start, restart (old one drained and stopped first) or stop when an admin
 * changes an agency's delivery, each agency on its own, so that one agency's failure holds up none of the others.
 */
export async function startAgencyGateway(options: AgencyGatewayOptions): Promise<AgencyGateway> {
  const gateway = new Gateway(options);
  await gateway.refresh();
  gateway.schedule();
  return { serving: () => gateway.serving(), stop: () => gateway.stop() };
}

class Gateway {
  private readonly running = new Map<string, RunningAgency>();
  /** Per agency and URL, kept across restarts of the agency's worker (a new rate limit does not reset it). */
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly registry: AgencyRegistry;
  private readonly callbacks: AgencyCallbackStore;
  private readonly logger: Logger;
  private readonly requestTimeoutMs: number;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: AgencyGatewayOptions) {
    this.registry = new AgencyRegistry(options.dataSource);
    this.callbacks = new AgencyCallbackStore(options.dataSource);
    this.logger = options.logger ?? Runtime.instance().logger;
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  }

  schedule(): void {
    this.timer = setInterval(() => void this.refresh(), this.options.registryRefreshMs ?? DEFAULT_REFRESH_MS);
  }

  serving(): string[] {
    return [...this.running.keys()].sort();
  }

  /** One pass over the registry at a time; a failed pass (database down) keeps the workers as they are. */
  refresh(): Promise<void> {
    this.refreshing ??= this.reconcile()
      .catch((error: unknown) =>
        this.logger.error('agency gateway: registry not read', { error: describeError(error) }),
      )
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Idempotent: a second call (a signal, then the end of `main`) waits for the same shutdown. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      clearInterval(this.timer);
      await this.refreshing;
      await Promise.all([...this.running.keys()].map((id) => this.stopAgency(id)));
    })();
    return this.stopping;
  }

  private async reconcile(): Promise<void> {
    const wanted = new Map((await this.registry.list()).filter(isWebhook).map((agency) => [agency.id, agency]));
    // Stopping workers let their calls in flight finish: they stop side by side, not one after the other.
    const retiring = [...this.running.keys()].filter((id) => !wanted.has(id)).map((id) => this.stopAgency(id));
    const following = [...wanted.values()].map((agency) => this.follow(agency));
    const outcomes = await Promise.allSettled([...retiring, ...following]);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected')
        this.logger.error('agency gateway: agency not refreshed', { error: describeError(outcome.reason) });
    }
  }

  /**
   * Serves one agency as the registry says now. A changed delivery (a new address, secret or rate limit) drains and
   * stops the old worker first, then starts the new one: Temporal refuses a second worker on the same queue in one
   * process. Tasks wait on the queue meanwhile; nothing is lost. A failure is this agency's alone: the next pass
   * tries again, and the other agencies are refreshed regardless.
   */
  private async follow(agency: WebhookRow): Promise<void> {
    if (this.stopping) return;
    const fingerprint = JSON.stringify([agency.delivery.url, agency.delivery.secretRef, agency.rateLimitPerMinute]);
    const current = this.running.get(agency.id);
    if (current?.fingerprint === fingerprint) return;
    if (current) await this.retire(agency.id, current);
    if (this.stopping) return;
    await this.startAgency(agency, fingerprint);
  }

  private async startAgency(agency: WebhookRow, fingerprint: string): Promise<void> {
    const { rateLimitPerMinute } = agency;
    const worker = await Worker.create({
      connection: this.options.connection,
      namespace: this.options.namespace,
      taskQueue: agencyTaskQueue(agency.id),
      activities: this.activitiesFor(agency),
      dataConverter: passageDataConverter(this.options.payloadKeys),
      // Temporal keeps a queue's last limit until a poller sends another: "no limit" is sent as a very high one.
      maxTaskQueueActivitiesPerSecond: rateLimitPerMinute ? rateLimitPerMinute / 60 : UNLIMITED_PER_SECOND,
      // Calls in flight may finish when the worker stops (a delivery change, or the process shutting down).
      shutdownGraceTime: this.requestTimeoutMs + 2_000,
      // Heartbeats once a second rather than at 80 % of the timeout, so a busy process keeps most of it to spare.
      maxHeartbeatThrottleInterval: '1s',
    });
    const run: Promise<void> = worker
      .run()
      .catch((error: unknown) =>
        this.logger.error('agency gateway: worker stopped', { agency: agency.id, error: describeError(error) }),
      )
      .finally(() => {
        // A worker that died is forgotten, so that the next pass starts it again.
        if (this.running.get(agency.id)?.worker === worker) this.running.delete(agency.id);
      });
    this.running.set(agency.id, { fingerprint, worker, run });
    this.logger.info('agency gateway: serving', {
      agency: agency.id,
      rateLimitPerMinute: rateLimitPerMinute ?? undefined,
    });
  }

  /** The adapter, or — when the agency's settings cannot work — activities that fail the step (the reason is logged). */
  private activitiesFor(agency: WebhookRow): AgencyActivities {
    const { url, secretRef } = agency.delivery;
    try {
      const urlProblem = webhookUrlPolicyProblem(url, this.options.environment);
      if (urlProblem) throw new Error(`url ${urlProblem}`);
      if (this.options.environment === 'production' && !this.options.publicUrl.startsWith('https:'))
        throw new Error('PASSAGE_PUBLIC_URL must be an https URL in production');
      const secret = resolveAgencySecret(secretRef, this.options.env);
      const adapter = new WebhookServiceAdapter({
        agency: { id: agency.id, url, secret },
        callbacks: this.callbacks,
        publicUrl: this.options.publicUrl,
        breaker: this.breakerFor(agency.id, url),
        logger: this.logger,
        requestTimeoutMs: this.requestTimeoutMs,
      });
      // Temporal registers an object's own functions: a class's methods live on its prototype.
      return { performService: (request) => adapter.performService(request) };
    } catch (error) {
      // The details are for operators (the log); the journey's timeline only says where the trouble is.
      this.logger.error('agency gateway: misconfigured agency', {
        agency: agency.id,
        reason: (error as Error).message,
      });
      return {
        performService: () =>
          Promise.reject(contractViolation(`agency ${agency.id} is misconfigured in Passage (see the worker log)`)),
      };
    }
  }

  private breakerFor(agency: string, url: string): CircuitBreaker {
    const key = `${agency} ${url}`;
    let breaker = this.breakers.get(key);
    if (!breaker) {
      breaker = new CircuitBreaker(
        { ...DEFAULT_BREAKER_SETTINGS, ...this.options.breaker },
        this.requestTimeoutMs + 5_000,
      );
      this.breakers.set(key, breaker);
    }
    return breaker;
  }

  private async stopAgency(id: string): Promise<void> {
    const current = this.running.get(id);
    if (current) await this.retire(id, current);
  }

  private async retire(id: string, agency: RunningAgency): Promise<void> {
    if (this.running.get(id) === agency) this.running.delete(id);
    if (agency.worker.getState() === 'RUNNING') agency.worker.shutdown();
    await agency.run;
    this.logger.info('agency gateway: stopped serving', { agency: id });
  }
}

function isWebhook(agency: AgencyEntity): agency is WebhookRow {
  return agency.delivery.kind === 'webhook';
}

/**
 * What went wrong, for the log: the error's class and, for Passage's own configuration and Temporal's errors, its
 * message (they quote settings, never personal data). Errors may come from another realm (the native core), so
 * this reads their fields rather than testing `instanceof Error`.
 */
function describeError(error: unknown): string {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return `${typeof name === 'string' ? name : 'Error'}: ${typeof message === 'string' ? message.slice(0, 300) : ''}`;
}
