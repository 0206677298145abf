// Finding 1 of issue 11: a mistyped PASSAGE_ENV meant development — development tokens accepted, generated secrets
// written to disk. The API, the worker and the CLI now refuse to start, in one sentence, before touching anything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@passage/config';
import { startPassageProcess } from '@passage/devstack';
import { waitFor } from '@passage/testing';

/** The environment of the developer's shell without any of Passage's settings. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(PASSAGE_|NODE_ENV$)/.test(name)));
}

const MISTAKES: readonly [string, Record<string, string>, RegExp][] = [
  [
    'PASSAGE_ENV=Production',
    { PASSAGE_ENV: 'Production' },
    /PASSAGE_ENV must be exactly production, test, development/,
  ],
  ['PASSAGE_ENV=prod', { PASSAGE_ENV: 'prod' }, /PASSAGE_ENV must be exactly production, test, development/],
  ['NODE_ENV=production alone', { NODE_ENV: 'production' }, /NODE_ENV=production needs PASSAGE_ENV=production/],
  [
    'NODE_ENV=production with PASSAGE_ENV=development',
    { NODE_ENV: 'production', PASSAGE_ENV: 'development' },
    /NODE_ENV=production needs PASSAGE_ENV=production/,
  ],
];

describe('a mistyped environment refuses to start', () => {
  it.each(MISTAKES)('the API with %s exits 1 in one sentence and writes no secret', async (_, env, sentence) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'passage-env-'));
    const api = startPassageProcess('api', {
      ...cleanEnvironment(),
      ...env,
      PASSAGE_DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      PASSAGE_HTTP_PORT: '1',
    });
    try {
      const code = await waitFor('the API to exit', () => api.child.exitCode ?? undefined);
      expect(code).toBe(1);
      const lines = api.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(sentence);
      expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
    } finally {
      await api.stop();
    }
  });

  it.each(MISTAKES)('the CLI with %s refuses every command in one line', (_, env, sentence) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'passage-env-'));
    for (const args of [
      ['token', '--role', 'citizen', '--sub', 'alice'],
      ['hash', 'start-business', '--version', '1'],
    ]) {
      const run = spawnSync(process.execPath, [join(workspaceRoot(), 'tools', 'bin', 'passage.js'), ...args], {
        cwd: workspaceRoot(),
        encoding: 'utf8',
        env: { ...cleanEnvironment(), ...env, PASSAGE_DATA_DIR: dataDir },
      });
      expect({ args, status: run.status, stdout: run.stdout }).toEqual({ args, status: 2, stdout: '' });
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(sentence);
      expect(readdirSync(dataDir)).toEqual([]);
    }
  });
});
