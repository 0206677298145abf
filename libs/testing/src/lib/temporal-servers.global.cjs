// Jest runs global setup outside its module system (no alias mapping): load the TypeScript setup through SWC.
const path = require('node:path');
const root = path.join(__dirname, '..', '..', '..', '..');
process.env.SWC_NODE_PROJECT ??= path.join(root, 'tsconfig.json');
require(path.join(root, 'tools', 'bin', 'register-aliases.js'));
require('@swc-node/register');
module.exports = {
  setup: require('./temporal-servers.global-setup.ts').default,
  teardown: require('./temporal-servers.global-teardown.ts').default,
};
