import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimulationResult, VersionDiff } from '@passage/authoring';

const root = join(__dirname, '..', '..', '..', '..');

describe('passage diff and simulate (catalogue only)', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'passage-cli-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The CLI as a process owner runs it, without a database: the catalogue is the only source. */
  function passage(...args: string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env, PASSAGE_DATA_DIR: dataDir };
    delete env['DATABASE_URL'];
    return spawnSync(process.execPath, [join(root, 'tools', 'bin', 'passage.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env,
    });
  }

  it('prints what changes between two versions as text', () => {
    const run = passage('diff', 'start-business', '1', '2');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('start-business: version 1 → 2');
    expect(run.stdout).toContain('Steps added\n  - starter-welcome (vlaio, proactive)');
    expect(run.stdout).toContain('health-insurance-status (ziekenfonds) mode: citizen → proactive');
  });

  it('prints the same differences as JSON', () => {
    const run = passage('diff', 'start-business', '1', '2', '--json');
    expect(run.status).toBe(0);
    const diff = JSON.parse(run.stdout) as VersionDiff;
    expect(diff).toMatchObject({
      lifeEvent: 'start-business',
      from: 1,
      to: 2,
      stepsAdded: [{ id: 'starter-welcome', agency: 'vlaio', mode: 'proactive' }],
      stepsRemoved: [],
    });
    expect(diff.stepsChanged.find((s) => s.id === 'health-insurance-status')?.changes).toEqual(
      expect.arrayContaining([{ field: 'mode', from: 'citizen', to: 'proactive', audience: 'both' }]),
    );
  });

  it('explains an unknown version or a malformed argument in one line', () => {
    const missing = passage('diff', 'start-business', '1', '9');
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('no life event start-business version 9 in the catalogue');
    expect(passage('diff', 'start-business', 'one', '2').stderr.trim()).toBe(
      '<from> must be a positive whole number, got one',
    );
  });

  it('simulates deterministically for a seed, with the owner target, costs and load', () => {
    const args = ['simulate', 'start-business', '--journeys', '2000', '--seed', '42', '--volume', '1000'];
    const first = passage(...args);
    const second = passage(...args);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toContain('start-business v2: 2000 simulated journeys (seed 42)');
    expect(first.stdout).toMatch(/Lead time: p50 [\d.]+ d · p90 [\d.]+ d · p99 [\d.]+ d/);
    // VLAIO promises no lead time of its own: its target for nine journeys in ten (60 days) stands in.
    expect(first.stdout).toMatch(/Within the owner's target of 60 days: [\d.]+ %/);
    expect(first.stdout).toContain('ondernemingsloket          € 105.50');
    expect(first.stdout).toContain('Load per agency per month at 1000 journeys a month');
    // A pipe gets no progress bar.
    expect(passage('simulate', 'start-business', '--journeys', '30000').stderr).toBe('');
  });

  it('prints the simulation as JSON that parses, the same for the same seed', () => {
    const run = passage('simulate', 'birth', '--version', '1', '--journeys', '500', '--seed', '7', '--json');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as SimulationResult;
    expect(result).toMatchObject({
      lifeEvent: 'birth',
      version: 1,
      journeys: 500,
      seed: 7,
      withinTarget: { targetDays: 700 },
    });
    expect(result.leadTimeDays.p50).toBeLessThanOrEqual(result.leadTimeDays.p90);
    expect(result.loadPerAgencyPerMonth).toBeUndefined();
    expect(
      JSON.parse(passage('simulate', 'birth', '--version', '1', '--journeys', '500', '--seed', '7', '--json').stdout),
    ).toEqual(result);
    expect(passage('simulate', 'birth', '--journeys', '0').stderr.trim()).toBe(
      '--journeys must be a whole number from 1 to 1000000, got 0',
    );
  });
});
