module.exports = { ...require('../jest.preset.cjs'), displayName: 'life-events', rootDir: __dirname };
