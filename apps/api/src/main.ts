/*
 * The Passage HTTP API. Stateless: scale it horizontally behind a load balancer.
 */
import { DevTokenVerifier, OidcTokenVerifier } from '@passage/auth';
import { loadPassageConfig } from '@passage/config';
import { createDataSource } from '@passage/persistence';
import { connectClient } from '@passage/temporal';
import { createApiApplication } from './app/api-application';

async function main(): Promise<void> {
  const config = loadPassageConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is not set');
  const callTimeoutMs = config.apiCallTimeoutMs;
  const dataSource = await createDataSource({ url: config.databaseUrl, callTimeoutMs }).initialize();
  // A caller waits for one request's bound at most: retries of an unreachable server stop after about a second.
  const temporal = await connectClient(config.temporal, config.payloadKeys, { maxCallAttempts: 4 });
  const verifier =
    config.auth.mode === 'oidc'
      ? new OidcTokenVerifier(config.auth)
      : new DevTokenVerifier(config.auth.secret, { maxLifetimeSeconds: config.auth.maxLifetimeSeconds });
  const app = await createApiApplication({
    dataSource,
    temporal,
    verifier,
    vaultKeys: config.vaultKeys,
    databaseUrl: config.databaseUrl,
    counterClientId: config.auth.counterClientId,
    rateLimits: config.rateLimits,
    metricsAccess: config.metricsToken
      ? { kind: 'token', token: config.metricsToken }
      : { kind: config.environment === 'production' ? 'closed' : 'open' },
    logRequests: true,
    callTimeoutMs,
    idempotencyLeaseSeconds: config.idempotencyLeaseSeconds,
    agencyRefreshMs: config.agencyRegistryRefreshMs,
  });
  await app.listen(config.http.port, config.http.host);
  console.log(`passage api: http://${config.http.host}:${config.http.port} (docs at /api/docs)`);
}

main().catch((error: unknown) => {
  console.error('passage api stopped:', error instanceof Error ? error.message : error);
  process.exit(1);
});
