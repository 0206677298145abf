import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { passageDataConverter } from '@passage/temporal';
import { TEST_PAYLOAD_KEYS } from '@passage/testing';

const root = join(__dirname, '..', '..', '..', '..');
const HISTORIES = join(root, 'test', 'replay', 'histories');

/**
 * The bundle the production image builds (`passage bundle --out`) is the one its workers load
 * (PASSAGE_WORKFLOW_BUNDLE): it must hold every journey workflow, deterministic against recorded histories.
 */
describe('passage bundle', () => {
  let dir: string;
  let codePath: string;
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'passage-bundle-'));
    codePath = join(dir, 'nested', 'workflow-bundle.js');
    run = await new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'tools', 'bin', 'passage.js'), 'bundle', '--out', codePath],
        { cwd: root, encoding: 'utf8' },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one bundle file, creating its folder, and nothing beside it', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^passage bundle: ${codePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KiB\\)\\n$`),
    );
    expect(readdirSync(join(dir, 'nested'))).toEqual(['workflow-bundle.js']);
    expect(readFileSync(codePath, 'utf8')).toContain('startBusiness');
  });

  it.each(readdirSync(HISTORIES).filter((name) => name.endsWith('.json')))(
    'replays %s in a worker loading the bundle by path',
    async (name) => {
      expect(existsSync(codePath)).toBe(true);
      const { workflowId, history } = JSON.parse(readFileSync(join(HISTORIES, name), 'utf8')) as {
        workflowId: string;
        history: unknown;
      };
      await Worker.runReplayHistory(
        { workflowBundle: { codePath }, dataConverter: passageDataConverter(TEST_PAYLOAD_KEYS), replayName: name },
        history,
        workflowId,
      );
    },
  );
});
