module.exports = { ...require('../../jest.preset.cjs'), displayName: 'agency-sdk', rootDir: __dirname };
