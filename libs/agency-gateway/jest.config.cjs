module.exports = { ...require('../../jest.preset.cjs'), displayName: 'agency-gateway', rootDir: __dirname };
