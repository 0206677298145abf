import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning, processInfo, terminate } from './os-processes';

interface RecordedProcess {
  readonly name: string;
  readonly pid: number;
  /** A part of its command line, so that a pid since reused by another program is never taken for it. */
  readonly marker: string;
}

interface LockContent {
  readonly pid: number;
  readonly processes: readonly RecordedProcess[];
}

/**
 * One development stack per data folder. The lock file names the running `passage dev` and the processes it
 * started, so that the next run can tell a live stack (refuse) from the leftovers of a killed one (stop them:
 * a Temporal server left running on the same SQLite file would corrupt it, an API left running holds the port).
 */
export class DevStackLock {
  private readonly processes: RecordedProcess[] = [];

  private constructor(private readonly file: string) {}

  static async acquire(dataDir: string): Promise<DevStackLock> {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'passage-dev.lock');
    // Two attempts: the second follows the removal of a dead run's lock (another run may win that race).
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(file, JSON.stringify({ pid: process.pid, processes: [] } satisfies LockContent), { flag: 'wx' });
        return new DevStackLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const previous = readLock(file);
      if (previous && isRunning(previous.pid) && processInfo(previous.pid)?.command.includes('passage')) {
        throw new Error(
          `another "passage dev" (pid ${previous.pid}) is running on ${dataDir}: stop it first, or use another --data-dir`,
        );
      }
      await Promise.all(
        (previous?.processes ?? [])
          .filter((p) => processInfo(p.pid)?.command.includes(p.marker))
          .map((p) => terminate(p.pid)),
      );
      rmSync(file, { force: true });
    }
    throw new Error(`another "passage dev" is starting on ${dataDir}`);
  }

  /** Notes a started process, in place of an earlier one of the same name (written at once: we may be killed). */
  record(name: string, pid: number, marker: string): void {
    const earlier = this.processes.findIndex((p) => p.name === name);
    if (earlier >= 0) this.processes.splice(earlier, 1);
    this.processes.push({ name, pid, marker });
    const temporary = `${this.file}.${process.pid}`;
    writeFileSync(temporary, JSON.stringify({ pid: process.pid, processes: this.processes } satisfies LockContent));
    renameSync(temporary, this.file);
  }

  release(): void {
    rmSync(this.file, { force: true });
  }
}

function readLock(file: string): LockContent | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockContent;
  } catch {
    return undefined; // unreadable or half-written: nothing to trust in it
  }
}
