module.exports = require('./temporal-servers.global.cjs').setup;
