module.exports = { ...require('../../jest.preset.cjs'), displayName: 'journey-workflow', rootDir: __dirname };
