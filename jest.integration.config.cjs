// The integration tier: *.integration-spec.ts anywhere, against one real Temporal dev server, one time-skipping
// test server (started once for the whole run) and the real PostgreSQL.
const preset = require('./jest.preset.cjs');

// Jest transpiles the global set-up with the preset's transform but loads it outside its module system, so without
// the module mapper: the `@passage/*` aliases resolve through Node's resolver here, in the process that runs it.
require('./tools/bin/register-aliases.js');

module.exports = {
  ...preset,
  displayName: 'integration',
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/workflows', '<rootDir>/life-events', '<rootDir>/test'],
  testMatch: ['**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/lib/temporal-servers.global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/lib/temporal-servers.global-teardown.ts',
  setupFiles: ['<rootDir>/libs/testing/src/lib/quiet-temporal.setup.ts'],
  testTimeout: 120_000,
  maxWorkers: 2,
};
