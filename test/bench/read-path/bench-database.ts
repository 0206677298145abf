import { randomBytes } from 'node:crypto';
import { Client as PgClient, Pool } from 'pg';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { openDatabase } from '@passage/persistence';
import { publishCatalogue } from '@passage/registry';

/** The server the benchmark uses: the machine's PostgreSQL, or TEST_DATABASE_ADMIN_URL (as the tests). */
const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  /** Journeys in its read model. */
  journeyCount(): Promise<number>;
  /** A pool for the benchmark's own statements (seeding, sampling, plans). */
  readonly pool: Pool;
  close(): Promise<void>;
}

async function admin<T>(work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new PgClient({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function databaseExists(name: string): Promise<boolean> {
  const { rowCount } = await admin((client) => client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]));
  return (rowCount ?? 0) > 0;
}

/** A new database (named, or `passage_bench_<random>`), migrated, with the catalogue published. */
export async function createBenchDatabase(name = `passage_bench_${randomBytes(6).toString('hex')}`): Promise<string> {
  if (!NAME.test(name)) throw new Error(`"${name}" is not a plain database name`);
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const dataSource = await openDatabase({ url: databaseUrl(name), poolSize: 2 });
  try {
    await publishCatalogue(dataSource, { agencies: AGENCIES, lifeEvents: CATALOGUE });
  } finally {
    await dataSource.destroy();
  }
  return name;
}

export async function dropBenchDatabase(name: string): Promise<void> {
  if (!NAME.test(name)) throw new Error(`"${name}" is not a plain database name`);
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Opens an existing bench database (migrations brought up to date, so that a kept database follows the code). */
export async function openBenchDatabase(name: string): Promise<BenchDatabase> {
  const url = databaseUrl(name);
  const dataSource = await openDatabase({ url, poolSize: 1 });
  await dataSource.destroy();
  const pool = new Pool({ connectionString: url, max: 4 });
  return {
    name,
    url,
    pool,
    journeyCount: async () => Number((await pool.query(`SELECT count(*) AS n FROM journeys`)).rows[0].n),
    close: () => pool.end(),
  };
}
