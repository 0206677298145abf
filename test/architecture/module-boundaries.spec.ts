import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Files written into real projects, linted with the workspace configuration, then removed. */
const probes = {
  'workflow imports a Node builtin': [
    'workflows/journey/src/lib/probe-node.ts',
    `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n`,
  ],
  'workflow imports a Node builtin without prefix': [
    'workflows/journey/src/lib/probe-crypto.ts',
    `import { randomUUID } from 'crypto';\nexport const x = randomUUID;\n`,
  ],
  'workflow imports NestJS': [
    'workflows/journey/src/lib/probe-nest.ts',
    `import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n`,
  ],
  'workflow imports TypeORM': [
    'workflows/journey/src/lib/probe-typeorm.ts',
    `import { DataSource } from 'typeorm';\nexport const x = DataSource;\n`,
  ],
  'workflow imports the Temporal worker': [
    'workflows/journey/src/lib/probe-worker.ts',
    `import { Worker } from '@temporalio/worker';\nexport const x = Worker;\n`,
  ],
  'workflow imports a node-only project': [
    'workflows/journey/src/lib/probe-persistence.ts',
    `import { createDataSource } from '@passage/persistence';\nexport const x = createDataSource;\n`,
  ],
  'model imports TypeORM': [
    'libs/journey-model/src/lib/probe-typeorm.ts',
    `import type { Repository } from 'typeorm';\nexport type X = Repository<object>;\n`,
  ],
  'life event imports the Temporal client': [
    'life-events/probe-client.ts',
    `import { Client } from '@temporalio/client';\nexport const x = Client;\n`,
  ],
  'app imports another app': ['apps/cli/src/probe-app.ts', `import '../../worker/src/main';\n`],
  'production file imports the test kit': [
    'libs/persistence/src/lib/probe-test-kit.ts',
    `import { waitFor } from '@passage/testing';\nexport const x = waitFor;\n`,
  ],
  "production file imports a project's test helpers": [
    'apps/worker/src/probe-test-helpers.ts',
    `import { createTestDatabase } from '@passage/persistence/testing';\nexport const x = createTestDatabase;\n`,
  ],
  "workflow's test helper uses the test kit, the database and the worker as specs do": [
    'workflows/journey/src/testing/probe-helper.ts',
    `import { Worker } from '@temporalio/worker';\nimport { createTestDatabase } from '@passage/persistence/testing';\nimport { waitFor } from '@passage/testing';\nexport const x = [Worker, createTestDatabase, waitFor];\n`,
  ],
  'workflow uses the model, the contracts and the workflow API': [
    'workflows/journey/src/lib/probe-allowed.ts',
    `import { workflowInfo } from '@temporalio/workflow';\nimport { stepTransition } from '@passage/journey-model';\nimport { JOURNEY_TASK_QUEUE } from '@passage/contracts';\nexport const x = [workflowInfo, stepTransition, JOURNEY_TASK_QUEUE];\n`,
  ],
} as const;

type Probe = keyof typeof probes;

/** The probes lint must let through; every other one must fail. */
const allowed: readonly Probe[] = [
  'workflow uses the model, the contracts and the workflow API',
  "workflow's test helper uses the test kit, the database and the worker as specs do",
];

/** The dependency rules of DESIGN §4 are enforced by lint. */
describe('module boundaries', () => {
  const errors = new Map<Probe, string[]>();

  beforeAll(() => {
    const files = Object.values(probes).map(([path, code]) => {
      writeFileSync(join(root, path), code);
      return path;
    });
    try {
      const run = spawnSync(
        process.execPath,
        [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', ...files],
        { cwd: root, encoding: 'utf8' },
      );
      const results = JSON.parse(run.stdout) as {
        filePath: string;
        messages: { severity: number; ruleId: string; message: string }[];
      }[];
      for (const [name, [path]] of Object.entries(probes) as [Probe, readonly [string, string]][]) {
        const result = results.find((r) => r.filePath === join(root, path));
        errors.set(
          name,
          (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`),
        );
      }
    } finally {
      for (const path of files) rmSync(join(root, path), { force: true });
    }
  });

  it.each((Object.keys(probes) as Probe[]).filter((name) => !allowed.includes(name)))(
    'fails lint when a %s',
    (name) => {
      expect(errors.get(name)?.length).toBeGreaterThan(0);
    },
  );

  it.each(allowed)('passes lint when a %s', (name) => {
    expect(errors.get(name)).toEqual([]);
  });
});
