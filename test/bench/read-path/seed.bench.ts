/*
 * Seeds a bench database of its own with N journeys in the read model and keeps it, for `npm run bench:api` to run
 * against again and again (BENCH_DATABASE=<name>) without seeding each time; drop it with --drop.
 *   npm run bench:seed -- --journeys=1000000 --database=passage_bench_1m
 *   npm run bench:seed -- --database=passage_bench_1m --drop
 */
import { createBenchDatabase, databaseExists, dropBenchDatabase, openBenchDatabase } from './bench-database';
import { seedReadModel } from './seed-read-model';
import { readReadPathOptions } from './read-path-options';

async function main(): Promise<void> {
  const options = readReadPathOptions();
  const name = options.database;
  if (!name) throw new Error('--database=<name> (or BENCH_DATABASE) names the database to seed or drop');
  if (process.argv.includes('--drop')) {
    await dropBenchDatabase(name);
    console.log(`dropped ${name}`);
    return;
  }
  if (await databaseExists(name)) throw new Error(`${name} exists already: drop it first (--drop)`);
  await createBenchDatabase(name);
  const database = await openBenchDatabase(name);
  try {
    await seedReadModel(database.pool, options.journeys, ({ seeded, total, elapsedMs }) =>
      console.log(`seeded ${seeded}/${total} journeys in ${(elapsedMs / 1000).toFixed(1)} s`),
    );
    const { rows } = await database.pool.query<{ size: string }>(
      `SELECT pg_size_pretty(pg_database_size(current_database())) AS size`,
    );
    console.log(`${name}: ${await database.journeyCount()} journeys, ${rows[0].size}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error('seeding failed:', error);
  process.exitCode = 1;
});
