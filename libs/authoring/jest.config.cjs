module.exports = { ...require('../../jest.preset.cjs'), displayName: 'authoring', rootDir: __dirname };
