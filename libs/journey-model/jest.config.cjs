module.exports = { ...require('../../jest.preset.cjs'), displayName: 'journey-model', rootDir: __dirname };
