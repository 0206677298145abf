import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface OsProcess {
  readonly pid: number;
  readonly ppid: number;
  /** The command line, arguments joined by spaces. */
  readonly command: string;
}

/** Whether a process exists (a process of another user counts: EPERM). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The processes of this machine: from /proc on Linux, from `ps` elsewhere (macOS). */
export function listProcesses(): OsProcess[] {
  if (!existsSync('/proc/self/stat')) {
    return execFileSync('ps', ['-axww', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map(([, pid, ppid, command]) => ({ pid: Number(pid), ppid: Number(ppid), command }));
  }
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => procEntry(Number(name)))
    .filter((entry) => entry !== undefined);
}

/** One process, or undefined when it is gone. */
export function processInfo(pid: number): OsProcess | undefined {
  if (!existsSync('/proc/self/stat')) return listProcesses().find((p) => p.pid === pid);
  return procEntry(pid);
}

function procEntry(pid: number): OsProcess | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields after it start after its last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { pid, ppid, command };
  } catch {
    return undefined; // exited while we looked
  }
}

/**
 * Stops a process that is not our child (we cannot wait for its exit event): `signal`, then SIGKILL after the grace
 * period; resolves once it is gone or the bound passed.
 */
export async function terminate(pid: number, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
  const gone = async (boundMs: number) => {
    for (const deadline = Date.now() + boundMs; Date.now() < deadline;) {
      if (!isRunning(pid)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return !isRunning(pid);
  };
  try {
    process.kill(pid, signal);
    if (await gone(graceMs)) return;
    process.kill(pid, 'SIGKILL');
    await gone(5_000);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Settles when a child process has ended, with how: "exit code 1", "signal SIGKILL". */
export function exitOf(child: ChildProcess): Promise<string> {
  const how = () => (child.signalCode ? `signal ${child.signalCode}` : `exit code ${child.exitCode}`);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(how());
  return new Promise((done) => child.once('exit', () => done(how())));
}
