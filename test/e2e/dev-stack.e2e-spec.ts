import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoStartBusinessIntake, firstFreePort, isRunning, listProcesses } from '@passage/devstack';
import { waitFor } from '@passage/testing';
import { HttpClient } from './support/http-client';

/*
 * `npm start` as a newcomer runs it: `passage dev` with no DATABASE_URL (embedded PostgreSQL), on a fresh data folder;
 * then killed outright and started again on the same folder; its worker killed and restarted; then stopped with
 * Ctrl-C (SIGINT).
 */

const root = join(__dirname, '..', '..');
const READY = /Passage is ready/;

interface DevRun {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startDev(args: string[]): DevRun {
  // What a fresh machine has: none of Passage's settings, no database.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(PASSAGE_|TEMPORAL_|DATABASE_URL$)/.test(name)),
  );
  const child = spawn(process.execPath, [join(root, 'tools', 'bin', 'passage.js'), 'dev', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function untilPrinted(run: DevRun, pattern: RegExp, timeoutMs: number): Promise<void> {
  const printed = () => {
    if (run.child.exitCode !== null) throw new Error(`passage dev exited with ${run.child.exitCode}`);
    return pattern.test(run.output()) || undefined;
  };
  await waitFor(`passage dev prints ${pattern}`, printed, { timeoutMs, intervalMs: 250 }).catch((error: Error) => {
    throw new Error(`${error.message}:\n${run.output().slice(-4000)}`);
  });
}

function waitUntilReady(run: DevRun, timeoutMs = 150_000): Promise<void> {
  return untilPrinted(run, READY, timeoutMs);
}

function printed(run: DevRun, pattern: RegExp): string {
  const match = pattern.exec(run.output());
  if (!match) throw new Error(`passage dev did not print ${pattern}:\n${run.output().slice(-4000)}`);
  return match[1];
}

/** Every process below `pid` now (PostgreSQL's backends included). */
function descendants(pid: number): number[] {
  const processes = listProcesses();
  const found: number[] = [];
  for (let parents = [pid]; parents.length > 0;) {
    parents = processes.filter((p) => parents.includes(p.ppid)).map((p) => p.pid);
    found.push(...parents);
  }
  return found;
}

async function asksFor(client: HttpClient, journeyId: string, item: string): Promise<void> {
  await waitFor(`journey ${journeyId} asks for ${item}`, async () => {
    const timeline = await client.get<{ asked: { item: string }[] }>(`/api/journeys/${journeyId}`);
    return timeline.body.asked.some((asked) => asked.item === item) || undefined;
  });
}

async function settled<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took more than ${timeoutMs} ms`)), timeoutMs)),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('passage dev (npm start)', () => {
  let dataDir: string;
  let port: number;
  const runs: DevRun[] = [];
  const seen = new Set<number>();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'passage-dev-'));
    // Run as root, PostgreSQL runs as the postgres user, which must be able to enter the (0700) temporary folder.
    chmodSync(dataDir, 0o755);
    // Below the kernel's range of ephemeral ports: the Temporal server the stack starts, and the other tests' servers,
    // take ports from that range meanwhile, and one of them once took the port chosen here.
    const free = await firstFreePort(3100, 100);
    if (free === undefined) throw new Error('ports 3100 to 3199 are all in use');
    port = free;
  });

  afterAll(async () => {
    // Only if a step failed: stop what this test started, by pid.
    for (const run of runs) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    for (const pid of seen) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts everything with embedded PostgreSQL and demo data, survives being killed, and stops cleanly on Ctrl-C', async () => {
    const first = startDev(['--data-dir', dataDir, '--port', String(port), '--no-temporal-ui']);
    runs.push(first);
    await waitUntilReady(first);
    const apiUrl = printed(first, /API +(http:\/\/\S+)/);
    expect(apiUrl).toBe(`http://127.0.0.1:${port}`);
    expect(first.output()).toContain(`Data folder   ${dataDir}`);
    expect(first.output()).toContain('embedded PostgreSQL on 127.0.0.1:');
    expect((await fetch(`${apiUrl}/health/ready`)).status).toBe(200);

    // The citizen starts a business without giving what the Rijksregister holds: the seeded vault has it.
    const citizen = new HttpClient(apiUrl, { authorization: `Bearer ${printed(first, /export CITIZEN_TOKEN=(\S+)/)}` });
    const started = await citizen.post<{ id: string; status: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      intake: demoStartBusinessIntake(),
      language: 'en',
    });
    expect(started.status).toBe(201);
    expect(started.body.status).toBe('active');
    const reads = await citizen.get<{ item: string; purpose: string }[]>(`/api/journeys/${started.body.id}/access-log`);
    expect(
      reads.body
        .filter((read) => read.purpose === 'reused at the start of start-business')
        .map((read) => read.item)
        .sort(),
    ).toEqual(['person.address', 'person.name', 'person.nationalRegisterNumber']);
    // The demo accountant holds a mandate of the demo citizen.
    const accountant = new HttpClient(apiUrl, {
      authorization: `Bearer ${printed(first, /export ACCOUNTANT_TOKEN=(\S+)/)}`,
    });
    const forClient = await accountant.post('/api/journeys', {
      lifeEvent: 'start-business',
      subject: 'demo-citizen',
      intake: demoStartBusinessIntake(),
    });
    expect(forClient.status).toBe(201);

    // Killed outright: its PostgreSQL, Temporal, worker and API are left running, holding the folder and the port.
    const leftovers = descendants(first.child.pid ?? 0);
    leftovers.forEach((pid) => seen.add(pid));
    first.child.kill('SIGKILL');
    await first.exited;
    expect(leftovers.filter(isRunning).length).toBeGreaterThanOrEqual(4);

    // Started again on the same folder and port: the leftovers are stopped, the data is still there.
    const second = startDev(['--data-dir', dataDir, '--port', String(port)]);
    runs.push(second);
    await waitUntilReady(second);
    expect(leftovers.filter(isRunning)).toEqual([]);
    const again = new HttpClient(apiUrl, { authorization: `Bearer ${printed(second, /export CITIZEN_TOKEN=(\S+)/)}` });
    expect((await again.get(`/api/journeys/${started.body.id}`)).status).toBe(200);

    // The worker crashes (kill -9): the stack restarts it, says so, and the journeys go on.
    const [worker] = listProcesses().filter(
      (p) => descendants(second.child.pid ?? 0).includes(p.pid) && p.command.includes('apps/worker/src/main.ts'),
    );
    expect(worker).toBeDefined();
    process.kill(worker?.pid ?? 0, 'SIGKILL');
    await untilPrinted(second, /passage dev: worker is back \(pid (\d+)/, 120_000);
    expect(second.output()).toMatch(
      /passage dev: worker ended \(signal SIGKILL\); restarting in 1 s \(crash 1 of 5 within 2 min stops the stack\)/,
    );
    expect(isRunning(Number(printed(second, /passage dev: worker is back \(pid (\d+)/)))).toBe(true);
    // The workflow itself survived in Temporal's SQLite file: it asks for the account number, and takes it.
    await asksFor(again, started.body.id, 'business.iban');
    expect(
      (await again.post(`/api/journeys/${started.body.id}/inputs`, { items: { 'business.iban': 'BE68539007547034' } }))
        .status,
    ).toBe(200);
    const temporalUi = printed(second, /Temporal UI +(http:\/\/\S+)/);
    expect((await fetch(temporalUi)).status).toBe(200);

    // Ctrl-C: everything stops, in order, and the command exits 0.
    const children = descendants(second.child.pid ?? 0);
    children.forEach((pid) => seen.add(pid));
    second.child.kill('SIGINT');
    expect(await settled(second.exited, 60_000, 'stopping passage dev')).toEqual({ code: 0, signal: null });
    expect(second.output()).toMatch(/passage dev: stopped\s*$/);
    expect(children.filter(isRunning)).toEqual([]);
  }, 420_000);
});
