/*
 * The Passage worker process: runs journey workflows and their activities on the journey task queue, serves
 * the task queues of agencies that are webhooks, delivers the notifications outbox and feeds the process owners'
 * KPIs and budgets. Scale it horizontally: every replica polls the same queues and outboxes.
 */
import { readFileSync } from 'node:fs';
import { startAgencyGateway } from '@passage/agency-gateway';
import { loadPassageConfig } from '@passage/config';
import { createNotificationService } from '@passage/notifications';
import { raiseQuarantineAlert, startOwnerReporting } from '@passage/owner-reporting';
import { createDataSource, JourneyProjectionWriter, VaultCipher } from '@passage/persistence';
import { connectWorker, createJourneyWorker } from '@passage/temporal';

async function main(): Promise<void> {
  const config = loadPassageConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is not set');
  const dataSource = await createDataSource({ url: config.databaseUrl }).initialize();
  const connection = await connectWorker(config.temporal);
  const bundlePath = process.env['PASSAGE_WORKFLOW_BUNDLE'];
  const worker = await createJourneyWorker({
    connection,
    namespace: config.temporal.namespace,
    payloadKeys: config.payloadKeys,
    projection: new JourneyProjectionWriter(dataSource, new VaultCipher(config.vaultKeys), {
      poisonAttempts: config.projectionPoisonAttempts,
      onQuarantined: async (entry) => {
        await raiseQuarantineAlert(dataSource, entry);
      },
    }),
    workflowBundle: bundlePath ? { code: readFileSync(bundlePath, 'utf8') } : undefined,
  });
  const notifications = createNotificationService({
    dataSource,
    vaultKeys: config.vaultKeys,
    settings: config.notifications,
  });
  const gateway = await startAgencyGateway({
    connection,
    namespace: config.temporal.namespace,
    dataSource,
    payloadKeys: config.payloadKeys,
    publicUrl: config.publicUrl,
    environment: config.environment,
    registryRefreshMs: config.agencyRegistryRefreshMs,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
  console.log(`passage worker: polling ${config.temporal.address} (${config.temporal.namespace})`);
  console.log(`passage worker: serving webhook agencies ${gateway.serving().join(', ') || '(none yet)'}`);
  console.log(`passage worker: delivering notifications by ${notifications.channels.join(', ') || 'no channel'}`);
  notifications.start();
  const ownerReporting = startOwnerReporting({ dataSource, pollMs: 5_000 });
  try {
    await worker.run();
  } finally {
    await Promise.all([notifications.stop(), ownerReporting.stop(), gateway.stop()]);
  }
  await connection.close();
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  console.error('passage worker stopped:', error instanceof Error ? error.message : error);
  process.exit(1);
});
