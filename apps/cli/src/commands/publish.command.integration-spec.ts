import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimulationResult } from '@passage/authoring';
import { contentHash, toJson, type LifeEventDefinition } from '@passage/journey-model';
import { AgencyRegistry, LifeEventRegistry } from '@passage/registry';
import { AGENCIES, START_BUSINESS_V1, START_BUSINESS_V2 } from '@passage/life-events';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';

const root = join(__dirname, '..', '..', '..', '..');

describe('passage publish and simulate against PostgreSQL', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Publishing validates against the agencies the registry knows.
    await new AgencyRegistry(db.dataSource).seed(AGENCIES);
    dir = mkdtempSync(join(tmpdir(), 'passage-publish-'));
  });

  afterAll(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The CLI as an operator runs it, with the test database as DATABASE_URL. */
  function passage(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...process.env, DATABASE_URL: db.url, PASSAGE_DATA_DIR: dir };
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'tools', 'bin', 'passage.js'), ...args],
        { cwd: root, env, encoding: 'utf8' },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  function file(name: string, definition: LifeEventDefinition): string {
    const path = join(dir, name);
    writeFileSync(path, toJson(definition));
    return path;
  }

  it('publishes a catalogue version once; the same content again is unchanged', async () => {
    const first = await passage('publish', 'start-business', '1');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toBe(`start-business v1 published (${contentHash(START_BUSINESS_V1)})`);
    const again = await passage('publish', 'start-business', '1');
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(
      `start-business v1 unchanged: this content is already published (${contentHash(START_BUSINESS_V1)})`,
    );
    expect((await new LifeEventRegistry(db.dataSource).find('start-business', 1))?.hash).toBe(
      contentHash(START_BUSINESS_V1),
    );
  });

  it('publishes a new version from a file, and new journeys take it as the latest', async () => {
    expect((await passage('publish', 'start-business', '2')).code).toBe(0);
    const v3 = {
      ...START_BUSINESS_V2,
      version: 3,
      steps: START_BUSINESS_V2.steps.map((s) => (s.id === 'starter-welcome' ? { ...s, expectedDays: 2 } : s)),
    };
    const published = await passage('publish', 'start-business', '3', '--file', file('start-business-v3.json', v3));
    expect(published.stderr).toBe('');
    expect(published.stdout.trim()).toBe(`start-business v3 published (${contentHash(v3)})`);
    const latest = await new LifeEventRegistry(db.dataSource).find('start-business');
    expect({ version: latest?.version, hash: latest?.hash }).toEqual({ version: 3, hash: contentHash(v3) });
  });

  it('refuses to publish changed content under a published version: exit 1 with the reason', async () => {
    const changed = {
      ...START_BUSINESS_V1,
      steps: START_BUSINESS_V1.steps.map((s) => (s.id === 'business-account' ? { ...s, expectedDays: 9 } : s)),
    };
    const refused = await passage(
      'publish',
      'start-business',
      '1',
      '--file',
      file('start-business-v1-changed.json', changed),
    );
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(
      /^start-business v1 refused: Version 1 was published with content hash sha256:[0-9a-f]{64}, but .* A published version cannot change/,
    );
    expect((await new LifeEventRegistry(db.dataSource).find('start-business', 1))?.hash).toBe(
      contentHash(START_BUSINESS_V1),
    );
  });

  it('refuses a file that holds another version than named, and needs DATABASE_URL', async () => {
    const wrong = await passage(
      'publish',
      'start-business',
      '4',
      '--file',
      file('start-business-v2.json', START_BUSINESS_V2),
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toMatch(
      /start-business-v2\.json holds start-business version 2, not start-business version 4$/,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, PASSAGE_DATA_DIR: dir };
    delete env['DATABASE_URL'];
    const noDatabase = await new Promise<string>((resolve) =>
      execFile(
        process.execPath,
        [join(root, 'tools', 'bin', 'passage.js'), 'publish', 'start-business', '1'],
        { cwd: root, env, encoding: 'utf8' },
        (_, __, stderr) => resolve(stderr),
      ),
    );
    expect(noDatabase.trim()).toBe('passage publish needs DATABASE_URL (the PostgreSQL database of Passage)');
  });

  it('simulates with the durations and rejection rates observed in the read model', async () => {
    const day = 86_400_000;
    for (let i = 0; i < 6; i++) {
      const id = `journey-start-business-${randomUUID()}`;
      const dispatched = new Date(Date.UTC(2026, 0, 1 + i));
      await db.dataSource.query(
        `INSERT INTO journeys (id, life_event_id, version, owner, subject, status, channel, language, started_at, last_seq)
         VALUES ($1, 'start-business', 1, 'vlaio', $2, 'completed', 'online', 'nl', $3, 9)`,
        [id, `observed-${i}`, dispatched],
      );
      await db.dataSource.query(
        `INSERT INTO journey_steps (journey_id, step_id, agency, service, mode, status, attempt, dispatched_at, finished_at)
         VALUES ($1, 'kbo-registration', 'ondernemingsloket', 'kbo-registration', 'manual', 'completed', 1, $2, $3),
                ($1, 'social-insurance-affiliation', 'sociaal-verzekeringsfonds', 'social-insurance-affiliation', 'manual', $4, 1, $2, $2)`,
        [id, dispatched, new Date(dispatched.getTime() + 2 * day), i < 3 ? 'rejected' : 'completed'],
      );
    }
    const run = await passage('simulate', 'start-business', '--version', '1', '--journeys', '1000', '--json');
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as SimulationResult;
    expect(result.steps['kbo-registration']?.meanDays).toBe(2);
    // Half of the affiliations were refused, and a refused affiliation ends the journey.
    expect(result.outcomes.rejected).toBeGreaterThan(0.2);
    const text = await passage('simulate', 'start-business', '--version', '1', '--journeys', '1000');
    expect(text.stdout).toContain('Observed in the read model: durations of 1 step(s), rejection rates of 2 step(s)');
  });
});
