// Replays the recorded journey histories against the current workflow code (no server needed).
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'replay',
  rootDir: __dirname,
  testMatch: ['**/*.replay-spec.ts'],
  testTimeout: 120_000,
};
