module.exports = { ...require('../../jest.preset.cjs'), displayName: 'temporal', rootDir: __dirname };
