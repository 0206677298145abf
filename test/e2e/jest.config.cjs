// End-to-end: HTTP → the API and worker processes → Temporal → PostgreSQL, on the run's shared Temporal servers.
const integration = require('../../jest.integration.config.cjs');

module.exports = {
  ...integration,
  displayName: 'e2e',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e-spec.ts'],
  testTimeout: 180_000,
};
