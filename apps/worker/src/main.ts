/*
 * The Passage worker process: runs journey workflows and the engine's activities on the engine task queue.
 * Scale it horizontally: every replica polls the same queue.
 */
import { readFileSync } from 'node:fs';
import { createEngineWorker } from '@passage/engine';
import { loadPassageConfig } from '@passage/config';
import { createDataSource } from '@passage/persistence';
import { connectWorker } from '@passage/temporal';

async function main(): Promise<void> {
  const config = loadPassageConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is not set');
  const dataSource = await createDataSource({ url: config.databaseUrl }).initialize();
  const connection = await connectWorker(config.temporal);
  const bundlePath = process.env['PASSAGE_WORKFLOW_BUNDLE'];
  const worker = await createEngineWorker({
    connection,
    namespace: config.temporal.namespace,
    dataSource,
    payloadKeys: config.payloadKeys,
    vaultKeys: config.vaultKeys,
    workflowBundle: bundlePath ? { code: readFileSync(bundlePath, 'utf8') } : undefined,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
  console.log(`passage worker: polling ${config.temporal.address} (${config.temporal.namespace})`);
  await worker.run();
  await connection.close();
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  console.error('passage worker stopped:', error instanceof Error ? error.message : error);
  process.exit(1);
});
