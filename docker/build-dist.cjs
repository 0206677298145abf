#!/usr/bin/env node
// Transpiles the workspace's TypeScript to CommonJS under <out> (default dist/), mirroring the source tree, for the
// production image: the SWC settings of jest.preset.cjs and tools/bin/run-ts.js (decorator metadata for NestJS and
// class-validator), with the `@passage/*` aliases of tsconfig.base.json rewritten to relative paths. The image then
// runs plain `node` on production dependencies only: no TypeScript loader, no devDependencies. Tests are left out.
// Usage: node docker/build-dist.cjs [out]
'use strict';
const { mkdirSync, readdirSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');
const { transformFile } = require('@swc/core');

const root = resolve(__dirname, '..');
const out = resolve(root, process.argv[2] ?? 'dist');
const { compilerOptions } = require(join(root, 'tsconfig.base.json'));

// What the api, worker, cli and agency simulator import; static files (apps/web/public) are copied as they are.
const SOURCES = ['apps', 'libs', 'workflows', 'life-events'];
// Test support imports devDependencies (the Temporal test server): it has no place in the image.
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'test-corpus', join('libs', 'testing')]);
const TEST_FILE = /\.(spec|integration-spec|e2e-spec)\.ts$/;

function* typescriptFiles(dir) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name) && !SKIPPED_DIRECTORIES.has(path))
      yield* typescriptFiles(path);
    else if (
      entry.isFile() &&
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.d.ts') &&
      !TEST_FILE.test(entry.name)
    )
      yield path;
  }
}

async function transpile(file) {
  const target = join(out, file.replace(/\.ts$/, '.js'));
  const { code, map } = await transformFile(join(root, file), {
    swcrc: false,
    sourceMaps: true,
    // Source maps point back to the sources' paths, for stack traces under `node --enable-source-maps`.
    sourceFileName: relative(dirname(target), join(root, file)),
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      baseUrl: root,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
  });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
  writeFileSync(`${target}.map`, map);
}

async function main() {
  const files = SOURCES.flatMap((dir) => [...typescriptFiles(dir)]);
  // A bounded number at a time: thousands of open files at once would hit the descriptor limit.
  for (let start = 0; start < files.length; start += 64)
    await Promise.all(files.slice(start, start + 64).map(transpile));
  console.log(`build-dist: ${files.length} files transpiled into ${relative(root, out) || '.'}`);
}

main().catch((error) => {
  console.error('build-dist:', error);
  process.exit(1);
});
