// The fault suite: each experiment starts its own stack (Temporal dev server, PostgreSQL database, worker, API,
// agency simulator) as child processes, so experiments run one at a time.
const preset = require('../../jest.preset.cjs');
const { experiments } = require('./experiments.json');

// PASSAGE_FAULTS=ci runs the representative subset CI runs (tools/test-all.sh): the experiments marked `ci` and
// not known to fail. Without it, every experiment runs (`npm run test:faults`).
const subset = process.env.PASSAGE_FAULTS === 'ci' ? experiments.filter((e) => e.ci && !e.knownFailing) : experiments;

module.exports = {
  ...preset,
  displayName: 'faults',
  rootDir: __dirname + '/../..',
  roots: ['<rootDir>/test/faults'],
  testMatch: subset.map((e) => `**/${e.file}.fault-spec.ts`),
  setupFiles: ['<rootDir>/libs/testing/src/lib/quiet-temporal.setup.ts'],
  testTimeout: 1_200_000,
  maxWorkers: 1,
};
