module.exports = { ...require('../../jest.preset.cjs'), displayName: 'owner-reporting', rootDir: __dirname };
