// Browser tests: the real pages in Debian's Chromium (driven by playwright-core) against the real API and worker
// processes on the run's Temporal servers and PostgreSQL, like the end-to-end tier. Needs `chromium` on PATH
// (tools/install-chromium.sh).
const integration = require('../../jest.integration.config.cjs');

module.exports = {
  ...integration,
  displayName: 'browser',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser-spec.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
