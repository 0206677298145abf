import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { workspaceRoot } from '@passage/config';
import type { DevStack } from '@passage/devstack';
import { CliError } from './definition-loader';

interface DevOptions {
  readonly port?: string;
  readonly dataDir?: string;
  readonly postgresPort?: string;
  readonly temporalUi: boolean;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const say = (line: string) => console.log(`passage dev: ${line}`);

function portOption(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new CliError(`${flag} must be a port number (1-65535); got ${value}`);
  return port;
}

/**
 * Runs the stack until a stop signal (exit 0) or until a part of it crashes more often than the restart policy
 * allows (exit 1, with its last output); a part that crashes is restarted, and says so. A first signal stops
 * everything in order; a second one gives up waiting.
 */
async function runDev(options: DevOptions): Promise<number> {
  const httpPort = portOption(
    options.port === undefined ? 'PASSAGE_HTTP_PORT' : '--port',
    options.port ?? process.env['PASSAGE_HTTP_PORT'],
  );
  const postgresPort = portOption('--postgres-port', options.postgresPort);
  const defaultDataDir = join(workspaceRoot(), '.data');
  const dataDir = options.dataDir ? resolve(options.dataDir) : defaultDataDir;
  const began = Date.now();

  const abort = new AbortController();
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const signalled = new Promise<NodeJS.Signals>((settle) => {
    onSignal = (signal) => {
      if (abort.signal.aborted) {
        say(`${signal} again: exiting now; the next "passage dev" stops what is left`);
        process.exit(130);
      }
      say(`${signal}: stopping (again to exit at once)`);
      abort.abort(new Error(signal));
      settle(signal);
    };
  });
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  try {
    // Loaded when the command runs: the stack's dependencies (TypeORM, pg, the Temporal client) would otherwise slow
    // every other command of the CLI by a second or two.
    const { startDevStack } = await import('@passage/devstack');
    const { devBanner } = await import('./dev-banner');
    let stack: DevStack;
    try {
      stack = await startDevStack({
        dataDir,
        httpPort,
        postgresPort,
        temporalUi: options.temporalUi,
        databaseUrl: process.env['DATABASE_URL'] || undefined,
        onProgress: say,
        onOutput: (line) => console.log(line),
        signal: abort.signal,
      });
    } catch (error) {
      if (abort.signal.aborted) {
        say('stopped');
        return 0;
      }
      throw new CliError(`passage dev: ${error instanceof Error ? error.message : String(error)}`);
    }
    console.log(
      await devBanner(stack, {
        dataDir,
        defaultDataDir: dataDir === defaultDataDir,
        seconds: (Date.now() - began) / 1000,
      }),
    );

    const outcome = await Promise.race([stack.failed, signalled]);
    if (typeof outcome !== 'string') {
      console.error(
        `passage dev: ${outcome.name} keeps crashing (last: ${outcome.how}); stopping the stack. Its last output:\n${outcome.output.trimEnd().split('\n').slice(-30).join('\n')}`,
      );
    }
    await stack.stop();
    say('stopped');
    return typeof outcome === 'string' ? 0 : 1;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }
}

export function registerDevCommand(program: Command): void {
  program
    .command('dev')
    .description('run Passage locally (Temporal, PostgreSQL, worker, API) with demo data, until Ctrl-C')
    .option('--port <n>', 'port of the API (default: PASSAGE_HTTP_PORT, else 3000 or the next free one)')
    .option('--data-dir <path>', 'folder of the Temporal and PostgreSQL data and the dev secrets (default: .data/)')
    .option('--postgres-port <n>', 'port of the embedded PostgreSQL (default: a free one)')
    .option('--no-temporal-ui', 'without the Temporal web UI')
    .action(async (options: DevOptions) => {
      process.exitCode = await runDev(options);
    });
}
