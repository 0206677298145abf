import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@passage/config';
import { stopProcess } from '@passage/temporal';

export type PassageApp = 'api' | 'worker' | 'agency-simulator';

export interface RunningProcess {
  readonly name: PassageApp;
  readonly child: ChildProcess;
  /** Everything the process wrote (its tail, with `outputLimit`), for tests that check what reaches the logs. */
  output(): string;
  stop(): Promise<void>;
}

export interface PassageProcessOptions {
  /** In a process group of its own, so that a Ctrl-C in the terminal reaches only the parent, which stops it in order. */
  readonly detached?: boolean;
  /** Keep only the last this many characters of output (a long-running stack would otherwise grow without bound). */
  readonly outputLimit?: number;
}

/** The entry point of an app, as it appears on the process's command line. */
export function passageAppEntry(name: PassageApp): string {
  return join(workspaceRoot(), 'apps', name, 'src', 'main.ts');
}

/**
 * Starts one of Passage's apps as its own Node process from source (SWC on the fly), with the given environment.
 * Output goes to `onLine` (prefixed) and is kept for inspection.
 */
export function startPassageProcess(
  name: PassageApp,
  env: NodeJS.ProcessEnv,
  onLine?: (line: string) => void,
  options: PassageProcessOptions = {},
): RunningProcess {
  const root = workspaceRoot();
  const child = spawn(process.execPath, [join(root, 'tools', 'bin', 'run-ts.js'), passageAppEntry(name)], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: options.detached ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (options.outputLimit !== undefined && output.length > options.outputLimit)
      output = output.slice(-options.outputLimit);
    if (onLine) for (const line of text.split('\n').filter(Boolean)) onLine(`[${name}] ${line}`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { name, child, output: () => output, stop: () => stopProcess(child) };
}

/** Ended, by itself or by a signal (then its exit code stays null). */
function hasExited(process_: RunningProcess): boolean {
  return process_.child.exitCode !== null || process_.child.signalCode !== null;
}

/** Waits until `ready` holds, or the process died, or the bound passed (a failure shows the end of its output). */
async function waitForProcess(
  process_: RunningProcess,
  ready: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ready()) return;
    if (hasExited(process_))
      throw new Error(
        `${process_.name} exited with ${process_.child.signalCode ?? process_.child.exitCode}:\n${process_.output().slice(-3000)}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} within ${timeoutMs} ms:\n${process_.output().slice(-3000)}`);
}

/** Waits until a URL answers 2xx, or the process died, or the bound passed. */
export function waitForHttp(url: string, process_: RunningProcess, timeoutMs = 60_000): Promise<void> {
  const answers = () =>
    fetch(url).then(
      (response) => response.ok,
      () => false, // not listening yet
    );
  return waitForProcess(process_, answers, `${url} did not answer`, timeoutMs);
}

/** Waits until a process printed a line matching `pattern`. */
export function waitForOutput(process_: RunningProcess, pattern: RegExp, timeoutMs = 90_000): Promise<void> {
  const printed = () => pattern.test(process_.output());
  return waitForProcess(process_, printed, `${process_.name} did not print ${pattern}`, timeoutMs);
}
