import { readdirSync, readFileSync } from 'node:fs';

/*
 * CPU time from Linux's /proc (user + system, in ms): per thread of this process, per other process, and for every
 * PostgreSQL process including the backends its postmaster has reaped. Elsewhere the readings are empty.
 */

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** Fields after the command name in /proc/…/stat: [11] utime, [12] stime, [13] cutime, [14] cstime. */
function statFields(path: string): { name: string; fields: string[] } | undefined {
  try {
    const raw = readFileSync(path, 'utf8');
    const close = raw.lastIndexOf(')');
    return { name: raw.slice(raw.indexOf('(') + 1, close), fields: raw.slice(close + 2).split(' ') };
  } catch {
    return undefined; // the process or thread is gone
  }
}

const ownMs = (fields: string[]) => (Number(fields[11]) + Number(fields[12])) * TICK_MS;
const withChildrenMs = (fields: string[]) => ownMs(fields) + (Number(fields[13]) + Number(fields[14])) * TICK_MS;

export interface ThreadCpu {
  readonly tid: number;
  readonly name: string;
  readonly ms: number;
}

export function threadsOfThisProcess(): ThreadCpu[] {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${process.pid}/task`);
  } catch {
    return [];
  }
  return tids.flatMap((tid) => {
    const stat = statFields(`/proc/${process.pid}/task/${tid}/stat`);
    return stat ? [{ tid: Number(tid), name: stat.name, ms: ownMs(stat.fields) }] : [];
  });
}

export function processMs(pid: number | undefined): number {
  const stat = pid === undefined ? undefined : statFields(`/proc/${pid}/stat`);
  return stat ? withChildrenMs(stat.fields) : 0;
}

export function postgresMs(): number {
  let total = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return 0;
  }
  for (const pid of entries) {
    const stat = statFields(`/proc/${pid}/stat`);
    if (stat?.name === 'postgres') total += withChildrenMs(stat.fields);
  }
  return total;
}
