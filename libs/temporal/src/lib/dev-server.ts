import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { JOURNEY_SEARCH_ATTRIBUTES } from '@passage/contracts';
import { freePort } from './free-port';
import { temporalCliPath } from './toolchain';

export interface DevServerOptions {
  /** SQLite file that keeps workflows across restarts (under `.data/`); in memory when omitted. */
  readonly dbFilename?: string;
  readonly port?: number;
  readonly uiPort?: number;
  readonly ui?: boolean;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

export interface DevServer {
  readonly address: string;
  readonly uiUrl?: string;
  /** The server's process id (for CPU accounting in benchmarks). */
  readonly pid?: number;
  /** Settles when the server process has ended, stopped or not, with how: "exit code 1", "signal SIGKILL". */
  readonly exited: Promise<string>;
  /** The last lines the server wrote to stderr, to explain a failure. */
  output(): string;
  stop(): Promise<void>;
}

const SEARCH_ATTRIBUTE_TYPES: Record<string, string> = { KEYWORD: 'Keyword', INT: 'Int' };

/**
 * Starts `temporal server start-dev` from the project's tools (or PATH) on free ports, with Passage's search
 * attributes registered, and resolves once it accepts connections.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const port = options.port ?? (await freePort());
  const uiPort = options.ui === false ? undefined : (options.uiPort ?? (await freePort()));
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--log-level',
    options.logLevel ?? 'warn',
  ];
  args.push(...(uiPort ? ['--ui-port', String(uiPort)] : ['--headless']));
  if (options.dbFilename) {
    mkdirSync(dirname(options.dbFilename), { recursive: true });
    args.push('--db-filename', options.dbFilename);
  }
  for (const key of JOURNEY_SEARCH_ATTRIBUTES)
    args.push('--search-attribute', `${key.name}=${SEARCH_ATTRIBUTE_TYPES[key.type]}`);

  const child = spawn(temporalCliPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<string>((done) =>
    child.once('exit', (code, signal) => done(signal ? `signal ${signal}` : `exit code ${code}`)),
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const address = `127.0.0.1:${port}`;
  try {
    await waitUntilServing(address, child, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    address,
    uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : undefined,
    pid: child.pid,
    exited,
    output: () => stderr,
    stop: () => stopProcess(child),
  };
}

async function waitUntilServing(address: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    if (child.exitCode !== null) throw new Error(`temporal dev server exited with ${child.exitCode}: ${stderr()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** attempt, 1000)));
    }
  }
  throw new Error(`temporal dev server did not start within 60 s: ${stderr()}`);
}

/** Asks politely (SIGTERM, so SQLite is flushed), then insists. */
export function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
