import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseOptions {
  readonly url: string;
  /** Log every query (development only: queries carry no subject data, but parameters may). */
  readonly logging?: boolean;
  readonly poolSize?: number;
  /**
   * Bounds every statement (server side and client side) and every wait for a connection, so that a database that
   * is down or frozen fails a call in time instead of hanging it. Unset: no bound (migrations, batch tools).
   */
  readonly callTimeoutMs?: number;
}

/** Passage's PostgreSQL data source: explicit entities, migrations only (`synchronize` stays off). */
export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'passage_migrations',
    synchronize: false,
    logging: options.logging ? ['query', 'error'] : ['error'],
    extra: {
      max: options.poolSize ?? 10,
      ...(options.callTimeoutMs !== undefined && {
        connectionTimeoutMillis: options.callTimeoutMs,
        statement_timeout: options.callTimeoutMs,
        // The client's own bound, for a server that stops answering altogether (it cannot cancel anything then).
        query_timeout: options.callTimeoutMs,
      }),
    },
  });
}

/** Connects and brings the schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const dataSource = await createDataSource(options).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/**
 * The node-postgres pool under an initialized data source, for the few hot statements that need what TypeORM's
 * `query()` cannot give: a named (prepared) statement.
 */
export function postgresPool(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as { master?: Pool }).master;
  if (dataSource.options.type !== 'postgres' || !dataSource.isInitialized || !pool) {
    throw new Error('not an initialized PostgreSQL data source');
  }
  return pool;
}
