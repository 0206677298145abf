/*
 * The agency simulator: every agency of the catalogue, played against a running Passage for demos and load tests
 * (`passage dev` starts it). Options: --help, or PASSAGE_SIM_* variables.
 */
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { CommanderError } from 'commander';
import { loadPassageConfig } from '@passage/config';
import { parseOptions } from './lib/options';
import { RESEARCH_SHARE_RULES } from './lib/research-shares';
import { startAgencySimulator } from './lib/simulator';

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const config = loadPassageConfig();
  if (config.auth.mode !== 'development')
    throw new Error('the agency simulator is for development: its staff sign in with development tokens');
  // The SDK workers would log every state change (and warn that they run no workflows): the simulator's own lines
  // tell what happens.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const simulator = await startAgencySimulator({
    behaviour: {
      seed: options.seed,
      secondsPerDay: options.secondsPerDay,
      shares: { reject: options.rejectShare, info: options.infoShare },
      researchRules: RESEARCH_SHARE_RULES,
      overrideRules: options.share,
    },
    maxHoldMs: options.maxHoldSeconds * 1000,
    pollMs: options.pollSeconds * 1000,
    idlePollMs: options.idlePollSeconds * 1000,
    webhookPort: options.webhookPort,
    apiUrl: config.publicUrl,
    temporal: config.temporal,
    payloadKeys: config.payloadKeys,
    jwtSecret: config.auth.secret,
    env: process.env,
    print: (line) => console.log(line),
    inbox: options.inbox,
    ledgerUrl: options.ledgerUrl,
  });
  console.log(
    `agency-simulator: ready (${options.secondsPerDay} s per day, seed ${options.seed}${options.inbox ? '' : ', inbox left to others'}${options.ledgerUrl ? ', executions recorded' : ''})`,
  );
  const signal = await new Promise<NodeJS.Signals>((settle) => {
    for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => settle(name));
  });
  console.log(`agency-simulator: ${signal}: stopping`);
  await simulator.stop();
  console.log('agency-simulator: stopped');
}

main().catch((error: unknown) => {
  // Commander printed the help or what is wrong with an option.
  if (error instanceof CommanderError) process.exit(error.exitCode);
  console.error('agency-simulator stopped:', error instanceof Error ? error.message : error);
  process.exit(1);
});
