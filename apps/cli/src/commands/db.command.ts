import type { Command } from 'commander';
import { MigrationExecutor, type DataSource } from 'typeorm';
import { passageEnvironment } from '@passage/config';
import { CliError } from './definition-loader';
import { requireDatabaseUrl, withDatabase } from './cli-support';

/** Any fixed number, the same in every Passage: one `passage db` at a time per database, whoever runs it. */
const SCHEMA_LOCK = 7_246_105;

const say = (line: string) => console.log(`passage db: ${line}`);

/**
 * Connects and runs `work` holding a session lock, so that two release jobs started together do not interleave
 * migrations (TypeORM takes no lock of its own).
 */
function onDatabase(command: string, work: (dataSource: DataSource) => Promise<void>): Promise<void> {
  return withDatabase(requireDatabaseUrl(`db ${command}`), async (dataSource) => {
    const lock = dataSource.createQueryRunner();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      try {
        await work(dataSource);
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
      }
    } finally {
      await lock.release();
    }
  });
}

async function migrate(dataSource: DataSource): Promise<void> {
  // Each migration in its own transaction: one that fails leaves the earlier ones applied and itself not at all.
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  for (const migration of ran) say(`applied ${migration.name}`);
  say(
    ran.length === 0 ? `up to date (${dataSource.migrations.length} migrations)` : `${ran.length} applied, up to date`,
  );
}

/** Reverts the latest applied migration (its `down`); false when none is applied. */
async function revertLatest(dataSource: DataSource): Promise<boolean> {
  // Latest first, as TypeORM picks the one to revert.
  const [latest] = await new MigrationExecutor(dataSource).getExecutedMigrations();
  if (!latest) return false;
  await dataSource.undoLastMigration({ transaction: 'each' });
  say(`reverted ${latest.name}`);
  return true;
}

/** Reverting drops tables and their data: a development tool, refused where PASSAGE_ENV says production. */
function refuseInProduction(command: string): void {
  if (passageEnvironment() === 'production')
    throw new CliError(`passage db ${command} drops data: refused with PASSAGE_ENV=production`);
}

export function registerDbCommand(program: Command): void {
  const db = program.command('db').description("Passage's PostgreSQL schema (DATABASE_URL)");
  db.command('migrate')
    .description(
      'apply the migrations not yet applied; safe to run again (a release runs it before rolling the api and worker)',
    )
    .action(() => onDatabase('migrate', migrate));
  db.command('revert')
    .description('revert the latest migration (development only: refused with PASSAGE_ENV=production)')
    .action(() => {
      refuseInProduction('revert');
      return onDatabase('revert', async (dataSource) => {
        if (!(await revertLatest(dataSource))) say('nothing to revert: no migration is applied');
      });
    });
  db.command('reset')
    .description(
      'revert every applied migration, then apply them all: an empty schema (development only: refused with PASSAGE_ENV=production)',
    )
    .action(() => {
      refuseInProduction('reset');
      return onDatabase('reset', async (dataSource) => {
        let reverted = true;
        while (reverted) reverted = await revertLatest(dataSource);
        await migrate(dataSource);
      });
    });
}
