import { Command, CommanderError } from 'commander';
import { ConfigurationError, passageEnvironment } from '@passage/config';
import { registerAgencyCommands } from './commands/agency.command';
import { registerBundleCommand } from './commands/bundle.command';
import { registerDbCommand } from './commands/db.command';
import { CliError } from './commands/definition-loader';
import { registerDefinitionCommands } from './commands/definition.commands';
import { registerDevCommand } from './commands/dev.command';
import { registerDiffCommand } from './commands/diff.command';
import { registerExportCpsvCommand } from './commands/export-cpsv.command';
import { registerJourneyCommand } from './commands/journey.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerPublishCommand } from './commands/publish.command';
import { registerReadModelCommands } from './commands/read-model.command';
import { registerSimulateCommand } from './commands/simulate.command';
import { registerTokenCommand } from './commands/token.command';

const program = new Command('passage')
  .description('Passage: life-event journeys across public services')
  .showHelpAfterError()
  .exitOverride()
  // A mistyped PASSAGE_ENV must not quietly run a command as development: every command checks it first.
  .hook('preAction', () => void passageEnvironment());

registerDefinitionCommands(program);
registerAgencyCommands(program);
registerDevCommand(program);
registerTokenCommand(program);
registerExportCpsvCommand(program);
registerDiffCommand(program);
registerSimulateCommand(program);
registerPublishCommand(program);
registerMigrateCommand(program);
registerJourneyCommand(program);
registerReadModelCommands(program);
registerDbCommand(program);
registerBundleCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
    return;
  }
  // Known failures get one clear line; anything else keeps its stack for the developer at the terminal.
  console.error(error instanceof CliError || error instanceof ConfigurationError ? error.message : error);
  process.exitCode = 2;
});
