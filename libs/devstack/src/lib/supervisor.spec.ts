import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Supervisor, type RestartPolicy, type SupervisedPart, type SupervisedProcess } from './supervisor';
import { exitOf, isRunning } from './os-processes';

/** A real Node process that runs `script`; what it prints is its output. */
async function node(script: string): Promise<SupervisedProcess> {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((spawned) => child.once('spawn', spawned));
  const exited = exitOf(child);
  return {
    pid: child.pid,
    exited,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const CRASH = `console.log('about to crash'); process.exit(3)`;
const STAY = `setInterval(() => undefined, 1000)`;

/** A part that runs the scripts in turn, the last one for every later start; it notes the pids it started. */
function partOf(name: string, ...scripts: string[]): SupervisedPart & { pids: number[] } {
  const pids: number[] = [];
  return {
    name,
    pids,
    start: async () => {
      const started = await node(scripts[Math.min(pids.length, scripts.length - 1)] ?? STAY);
      pids.push(started.pid ?? 0);
      return started;
    },
  };
}

async function until(what: string, holds: () => boolean, boundMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + boundMs; !holds(); await sleep(20))
    if (Date.now() > deadline) throw new Error(`not within ${boundMs} ms: ${what}`);
}

const QUICK: RestartPolicy = { maxCrashes: 3, windowMs: 60_000, firstDelayMs: 10, maxDelayMs: 40 };

// These start real processes: on a busy machine that takes seconds, so each test may take as long as `until` waits.
jest.setTimeout(60_000);

describe('Supervisor', () => {
  const supervisors: Supervisor[] = [];
  const supervisor = (policy: RestartPolicy, lines: string[]) => {
    const created = new Supervisor((line) => lines.push(line), policy);
    supervisors.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(supervisors.splice(0).map((s) => s.stop()));
  });

  it('restarts a part that ended on its own, and says so once each time', async () => {
    const lines: string[] = [];
    const worker = partOf('worker', STAY, CRASH, STAY);
    const stack = supervisor(QUICK, lines);
    await stack.start(worker);
    process.kill(worker.pids[0] ?? 0, 'SIGKILL');

    await until(
      'the worker is back twice',
      () => lines.filter((line) => line.startsWith('worker is back')).length === 2,
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /^worker ended \(signal SIGKILL\); restarting in 0 s \(crash 1 of 3 within 1 min stops the stack\)$/,
      ),
      expect.stringMatching(/^worker is back \(pid \d+, ready in [\d.]+ s\)$/),
      expect.stringMatching(
        /^worker ended \(exit code 3\); restarting in 0 s \(crash 2 of 3 within 1 min stops the stack\)$/,
      ),
      expect.stringMatching(/^worker is back \(pid \d+, ready in [\d.]+ s\)$/),
    ]);
    expect(worker.pids.map(isRunning)).toEqual([false, false, true]);
  });

  it('gives up on a part that crashes too often within the window, with how it ended and its output', async () => {
    const lines: string[] = [];
    const api = partOf('api', STAY, CRASH);
    const stack = supervisor(QUICK, lines);
    await stack.start(api);
    process.kill(api.pids[0] ?? 0, 'SIGKILL');

    const failure = await stack.failed;
    expect(failure).toEqual({ name: 'api', how: 'exit code 3', output: 'about to crash\n' });
    expect(api.pids).toHaveLength(3);
    expect(lines.at(-1)).toBe('api ended (exit code 3): 3 crashes within 1 min, giving up');
  });

  it('counts only the crashes within the window', async () => {
    const lines: string[] = [];
    const simulator = partOf('agency-simulator', CRASH, CRASH, CRASH, CRASH, STAY);
    let failed = false;
    // Each crash is alone in a window of 1 ms: four crashes in a row never reach the limit of two.
    const stack = supervisor({ maxCrashes: 2, windowMs: 1, firstDelayMs: 5, maxDelayMs: 5 }, lines);
    void stack.failed.then(() => (failed = true));
    await stack.start(simulator);

    await until(
      'the simulator stays up',
      () => simulator.pids.length === 5 && lines.at(-1)?.includes('is back') === true,
    );
    expect(failed).toBe(false);
    expect(lines.filter((line) => line.includes('restarting'))).toHaveLength(4);
  });

  it('restarts nothing once stopped, not even a part waiting for its restart', async () => {
    const lines: string[] = [];
    const temporal = partOf('temporal', STAY, STAY);
    const postgres = partOf('postgres', STAY);
    const stack = supervisor({ ...QUICK, firstDelayMs: 60_000, maxDelayMs: 60_000 }, lines);
    await stack.start(postgres);
    await stack.start(temporal);
    process.kill(temporal.pids[0] ?? 0, 'SIGKILL');
    await until('the crash is reported', () => lines.length === 1);

    await stack.stop();
    expect(lines).toEqual([expect.stringMatching(/^temporal ended \(signal SIGKILL\); restarting in 1 min /)]);
    expect(temporal.pids).toHaveLength(1);
    expect([...temporal.pids, ...postgres.pids].filter(isRunning)).toEqual([]);
  });
});
