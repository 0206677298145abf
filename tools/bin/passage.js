#!/usr/bin/env node
// The `passage` command (apps/cli), runnable as `npx passage …` from the repository root.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', '..', 'tsconfig.json');
require('@swc-node/register');
require(path.join(__dirname, '..', '..', 'apps', 'cli', 'src', 'main.ts'));
