import type { InjectionToken, Provider } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { passageEnvironment, type KeyRing } from '@passage/config';
import { AgencyCallbacks } from '@passage/agency-gateway';
import type { TokenVerifier } from '@passage/auth';
import { AgencyInbox } from '@passage/inbox';
import {
  JourneyAccess,
  JourneyEventsFeed,
  JourneysService,
  Mandates,
  PresenceProofs,
  StepRetries,
} from '@passage/journeys';
import { VOCABULARY } from '@passage/life-events';
import { OwnerReports, SatisfactionSurvey } from '@passage/owner-reporting';
import { ReadModelObservationsQuery, Vault, VaultCipher } from '@passage/persistence';
import { JourneyProposals, ProactiveEvents, ProactiveStarter } from '@passage/proactive';
import { AgencyDirectory, AgencyRegistry, AgencyRegistryAdmin, LifeEventRegistry } from '@passage/registry';
import { LifeEventAuthoring } from '@passage/versioning';
import { TOKEN_VERIFIER } from '../common/auth.guard';
import { IdempotencyStore } from '../common/idempotency.store';
import { RateLimits, type RateLimitSettings } from '../common/rate-limits';
import { METRICS_ACCESS, type MetricsAccess } from '../health/metrics-access';
import { ApiMetrics } from '../health/metrics';
import { COUNTER_CLIENT_ID } from '../presence/presence.controller';

export interface ApiDependencies {
  readonly dataSource: DataSource;
  readonly temporal: Client;
  readonly verifier: TokenVerifier;
  readonly vaultKeys: KeyRing;
  readonly databaseUrl: string;
  /** The engine's task queue (tests run their own). */
  readonly taskQueue?: string;
  /** The counter application's client at the identity provider (ADR 0010); default `passage-counter`. */
  readonly counterClientId?: string;
  /** Limits per address, principal and stream (README, security); defaults when absent. */
  readonly rateLimits?: RateLimitSettings;
  /** Who may read /metrics: anyone (development), only with this bearer token, or nobody (production without one). */
  readonly metricsAccess?: MetricsAccess;
  /** Log one line per request (route pattern, status, time). */
  readonly logRequests?: boolean;
  /** Bound of the Temporal calls of one request (the data source bounds its own calls); 5 s by default. */
  readonly callTimeoutMs?: number;
  /** How long a request in progress holds its `Idempotency-Key` (60 s by default). */
  readonly idempotencyLeaseSeconds?: number;
  /** How long agencies' names and levels shown on timelines may be old (PASSAGE_AGENCY_REGISTRY_REFRESH_MS). */
  readonly agencyRefreshMs?: number;
}

/** Agencies change rarely: timelines show a change within 30 s by default, as the worker's registry refresh. */
export const DEFAULT_AGENCY_REFRESH_MS = 30_000;

/**
 * The API's composition root: every service built once, from the dependencies, so that all routes share one
 * registry (and its cache), one vault and one cipher.
 */
export function apiServices(deps: ApiDependencies): Provider[] {
  const { dataSource, temporal } = deps;
  const registry = new LifeEventRegistry(dataSource);
  const mandates = new Mandates(dataSource);
  const cipher = new VaultCipher(deps.vaultKeys);
  const vault = new Vault(dataSource, cipher);
  const journeys = new JourneysService({
    dataSource,
    temporal,
    registry,
    vault,
    access: new JourneyAccess(mandates),
    mandates,
    agencies: new AgencyDirectory(dataSource, deps.agencyRefreshMs ?? DEFAULT_AGENCY_REFRESH_MS),
    vocabulary: VOCABULARY,
    taskQueue: deps.taskQueue,
  });
  const starter = new ProactiveStarter({
    dataSource,
    temporal,
    vault,
    vocabulary: VOCABULARY,
    taskQueue: deps.taskQueue,
  });
  const proposals = new JourneyProposals({ dataSource, registry, cipher, starter });
  const services: [InjectionToken, unknown][] = [
    [DataSource, dataSource],
    [Client, temporal],
    [TOKEN_VERIFIER, deps.verifier],
    [COUNTER_CLIENT_ID, deps.counterClientId ?? 'passage-counter'],
    [PresenceProofs, new PresenceProofs(dataSource)],
    [RateLimits, new RateLimits(deps.rateLimits)],
    [METRICS_ACCESS, deps.metricsAccess ?? { kind: 'open' }],
    [LifeEventRegistry, registry],
    [AgencyRegistry, new AgencyRegistry(dataSource)],
    [Mandates, mandates],
    [Vault, vault],
    [JourneysService, journeys],
    [StepRetries, new StepRetries(dataSource, temporal)],
    [AgencyInbox, new AgencyInbox(dataSource, temporal, registry, vault)],
    [IdempotencyStore, new IdempotencyStore(dataSource, deps.idempotencyLeaseSeconds)],
    [JourneyEventsFeed, new JourneyEventsFeed(deps.databaseUrl)],
    [ApiMetrics, new ApiMetrics(dataSource)],
    [OwnerReports, new OwnerReports({ dataSource, registry })],
    [SatisfactionSurvey, new SatisfactionSurvey(dataSource)],
    [AgencyRegistryAdmin, new AgencyRegistryAdmin(dataSource, passageEnvironment())],
    [AgencyCallbacks, new AgencyCallbacks({ dataSource, temporal, registry })],
    [LifeEventAuthoring, new LifeEventAuthoring(registry, new ReadModelObservationsQuery(dataSource))],
    [JourneyProposals, proposals],
    [ProactiveEvents, new ProactiveEvents(registry, starter, proposals)],
  ];
  return services.map(([provide, useValue]) => ({ provide, useValue }));
}
