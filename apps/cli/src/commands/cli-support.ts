import { userInfo } from 'node:os';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { loadPassageConfig } from '@passage/config';
import type { LifeEventDefinition } from '@passage/journey-model';
import { findDefinition } from '@passage/life-events';
import { CliError } from './definition-loader';

/** A whole number from `min` (1) to `max` given on the command line, or a one-line reason why not. */
export function wholeNumber(flag: string, value: string, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}): number {
  const number = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(number) && number >= min && number <= max) return number;
  const range =
    max < Number.MAX_SAFE_INTEGER
      ? `a whole number from ${min} to ${max}`
      : min === 1
        ? 'a positive whole number'
        : `a whole number of at least ${min}`;
  throw new CliError(`${flag} must be ${range}, got ${value}`);
}

/**
 * Passage's PostgreSQL (DATABASE_URL), when one is configured. Read alone, not through loadPassageConfig: a release
 * job (migrate, publish) needs no other secret, and in development loading the whole configuration would write
 * generated secrets under the data folder, which a container's read-only image does not allow.
 */
export function databaseUrl(): string | undefined {
  return process.env['DATABASE_URL'] || undefined;
}

export function requireDatabaseUrl(command: string): string {
  const url = databaseUrl();
  if (!url) throw new CliError(`passage ${command} needs DATABASE_URL (the PostgreSQL database of Passage)`);
  return url;
}

/**
 * Runs `work` on a connection to the database, closed afterwards. TypeORM and pg are loaded only here, so commands
 * that do not touch the database stay quick to start. The schema is the operator's to migrate, as for the API.
 */
export async function withDatabase<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const { createDataSource } = await import('@passage/persistence');
  let dataSource: DataSource;
  try {
    dataSource = await createDataSource({ url, poolSize: 4 }).initialize();
  } catch (error) {
    // The driver's message names host and database, never the password.
    throw new CliError(
      `cannot reach PostgreSQL at DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * A version of a life event from the catalogue or, given the database and when the catalogue does not have it,
 * from the registry of published versions. Without a version: the latest of either.
 */
export async function definitionOf(
  lifeEvent: string,
  version: number | undefined,
  dataSource?: DataSource,
): Promise<LifeEventDefinition> {
  const fromCatalogue = findDefinition(lifeEvent, version);
  let published: LifeEventDefinition | undefined;
  if (dataSource && (!fromCatalogue || version === undefined)) {
    const { LifeEventRegistry } = await import('@passage/registry');
    published = (await new LifeEventRegistry(dataSource).find(lifeEvent, version))?.definition;
  }
  const latest = published && (!fromCatalogue || published.version > fromCatalogue.version) ? published : fromCatalogue;
  if (!latest)
    throw new CliError(
      `no life event ${lifeEvent}${version ? ` version ${version}` : ''} in the catalogue${dataSource ? ' or the registry' : ''}`,
    );
  return latest;
}

/** The name the audit log records: given, or the operating-system user. */
export function actorOf(given: string | undefined): string {
  const actor = given ?? safeUserName();
  if (!/^[^\p{Cc}]{1,100}$/u.test(actor))
    throw new CliError('--actor must be 1 to 100 characters without control characters');
  return actor;
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): the environment may still name the user.
    return process.env['USER'] ?? process.env['LOGNAME'] ?? 'unknown';
  }
}

/** A Temporal client as the configuration says (TEMPORAL_ADDRESS…, PASSAGE_PAYLOAD_KEYS). */
export async function connectTemporal(): Promise<Client> {
  const config = loadPassageConfig();
  const { connectClient } = await import('@passage/temporal');
  try {
    return await connectClient(config.temporal, config.payloadKeys);
  } catch (error) {
    throw new CliError(
      `cannot reach Temporal at ${config.temporal.address}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
