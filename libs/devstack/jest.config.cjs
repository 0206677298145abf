module.exports = { ...require('../../jest.preset.cjs'), displayName: 'devstack', rootDir: __dirname };
