module.exports = { ...require('../../jest.preset.cjs'), displayName: 'process-owner', rootDir: __dirname };
