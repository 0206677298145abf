// Resolves the `@passage/*` aliases of tsconfig.base.json at run time, for code loaded outside Jest's module
// mapper or SWC's path rewriting (Jest global setup, scripts).
const Module = require('node:module');
const path = require('node:path');
const root = path.join(__dirname, '..', '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
const aliases = new Map(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]),
);
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveWithAliases(request, ...rest) {
  return resolve.call(this, aliases.get(request) ?? request, ...rest);
};
