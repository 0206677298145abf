import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@passage/config';
import { stopProcess } from '@passage/temporal';

export type PassageApp = 'api' | 'worker' | 'agency-simulator';

export interface RunningProcess {
  readonly name: PassageApp;
  readonly child: ChildProcess;
  /** Everything the process wrote, for tests that check what reaches the logs. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts one of Passage's apps as its own Node process from source (SWC on the fly), with the given environment.
 * Output goes to `onLine` (prefixed) and is kept for inspection.
 */
export function startPassageProcess(name: PassageApp, env: NodeJS.ProcessEnv, onLine?: (line: string) => void): RunningProcess {
  const root = workspaceRoot();
  const child = spawn(process.execPath, [join(root, 'tools', 'bin', 'run-ts.js'), join(root, 'apps', name, 'src', 'main.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (onLine) for (const line of text.split('\n').filter(Boolean)) onLine(`[${name}] ${line}`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { name, child, output: () => output, stop: () => stopProcess(child) };
}

/** Waits until a URL answers 2xx, or the process died, or the bound passed. */
export async function waitForHttp(url: string, process_: RunningProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process_.child.exitCode !== null) throw new Error(`${process_.name} exited with ${process_.child.exitCode}:\n${process_.output().slice(-3000)}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${process_.output().slice(-3000)}`);
}

/** Waits until a process printed a line matching `pattern`. */
export async function waitForOutput(process_: RunningProcess, pattern: RegExp, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pattern.test(process_.output())) return;
    if (process_.child.exitCode !== null) throw new Error(`${process_.name} exited with ${process_.child.exitCode}:\n${process_.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${process_.name} did not print ${pattern} within ${timeoutMs} ms:\n${process_.output().slice(-3000)}`);
}
