// The integration tier: *.integration-spec.ts anywhere, against one real Temporal dev server, one time-skipping
// test server (started once for the whole run) and the real PostgreSQL.
const preset = require('./jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'integration',
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/workflows', '<rootDir>/life-events', '<rootDir>/test'],
  testMatch: ['**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/lib/temporal-servers.setup.cjs',
  globalTeardown: '<rootDir>/libs/testing/src/lib/temporal-servers.teardown.cjs',
  setupFiles: ['<rootDir>/libs/testing/src/lib/quiet-temporal.setup.ts'],
  testTimeout: 120_000,
  maxWorkers: 2,
};
