/*
 * The plans of the read path's statements on a seeded bench database, as PostgreSQL runs them (EXPLAIN ANALYZE on a
 * sampled journey, subject and agency), and the sizes of the read model's tables and indexes: what
 * docs/benchmarks.md shows. `node tools/bin/run-ts.js test/bench/read-path/plans.ts --database=<name>`.
 */
import { createDataSource, inboxStatements, readModelStatements } from '@passage/persistence';
import { databaseUrl, openBenchDatabase } from './bench-database';
import { readReadPathOptions } from './read-path-options';

const TABLES = ['journeys', 'journey_steps', 'journey_events', 'agency_tasks'];

async function main(): Promise<void> {
  const name = readReadPathOptions().database;
  if (!name) throw new Error('--database=<name> names a seeded bench database');
  const database = await openBenchDatabase(name);
  const dataSource = await createDataSource({ url: databaseUrl(name), poolSize: 1 }).initialize();
  try {
    const sql = readModelStatements(dataSource);
    await database.pool.query(`SELECT setseed(0.42)`);
    const [sample] = (
      await database.pool.query<{ id: string; subject: string }>(
        `SELECT id, subject FROM journeys TABLESAMPLE SYSTEM (1) WHERE status = 'completed' LIMIT 1`,
      )
    ).rows;
    const [busiest] = (
      await database.pool.query<{ agency: string }>(
        `SELECT agency FROM agency_tasks WHERE status = 'open' GROUP BY agency ORDER BY count(*) DESC LIMIT 1`,
      )
    ).rows;
    const inbox = inboxStatements({ agency: busiest.agency, status: 'open', page: 1, pageSize: 25 });
    const statements: [string, string, unknown[]][] = [
      ['timeline', sql.timeline, [sample.id]],
      ['journey', sql.journey, [sample.id]],
      ['journey list', sql.journeysOf, [sample.subject, 200]],
      ['live events', sql.eventsSince, [sample.id, 0]],
      [`inbox page (${busiest.agency}, open)`, inbox.page, [...inbox.values, 25, 0]],
      [`inbox count (${busiest.agency}, open)`, inbox.count, [...inbox.values]],
    ];
    for (const [what, text, values] of statements) {
      const { rows } = await database.pool.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${text}`,
        values,
      );
      console.log(`-- ${what}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
    }
    const { rows: sizes } = await database.pool.query<{ relation: string; kind: string; size: string; rows: string }>(
      `SELECT c.relname AS relation, CASE c.relkind WHEN 'i' THEN 'index' ELSE 'table' END AS kind,
              pg_size_pretty(pg_relation_size(c.oid)) AS size, to_char(c.reltuples, 'FM999,999,999') AS rows
         FROM pg_class c
        WHERE c.relname = ANY($1)
           OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = ANY(SELECT oid FROM pg_class WHERE relname = ANY($1)))
        ORDER BY c.relkind DESC, pg_relation_size(c.oid) DESC`,
      [TABLES],
    );
    for (const size of sizes)
      console.log(`${size.kind.padEnd(6)} ${size.relation.padEnd(32)} ${size.size.padStart(8)} ${size.rows} rows`);
  } finally {
    await dataSource.destroy();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error('plans failed:', error);
  process.exitCode = 1;
});
