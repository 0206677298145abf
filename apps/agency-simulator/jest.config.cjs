module.exports = { ...require('../../jest.preset.cjs'), displayName: 'agency-simulator', rootDir: __dirname };
