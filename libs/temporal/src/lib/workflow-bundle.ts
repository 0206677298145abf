import { join } from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { workspaceRoot } from '@passage/config';
import { FAILURE_CONVERTER_PATH } from './temporal-client';

/** The entry of the journey workflows (all life events share one interpreter). */
export function journeyWorkflowsPath(): string {
  return join(workspaceRoot(), 'workflows', 'journey', 'src', 'index.ts');
}

/** Webpack aliases for the `@passage/*` projects, taken from tsconfig.base.json so that the sandbox sees the same code. */
export function passageAliases(): Record<string, string> {
  const root = workspaceRoot();
  const { compilerOptions } = require(join(root, 'tsconfig.base.json')) as { compilerOptions: { paths: Record<string, string[]> } };
  return Object.fromEntries(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`${alias}$`, join(root, target)]));
}

type WebpackConfig = { resolve?: { alias?: unknown } };

/** Adds the aliases to Temporal's workflow bundler configuration. */
export function withPassageAliases<T extends WebpackConfig>(config: T): T {
  const alias = { ...(config.resolve?.alias as Record<string, string> | undefined), ...passageAliases() };
  return { ...config, resolve: { ...config.resolve, alias } };
}

/** Bundles the journey workflows once, for a worker to load (`workflowBundle`) instead of bundling at start-up. */
export function bundleJourneyWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: journeyWorkflowsPath(), webpackConfigHook: withPassageAliases, failureConverterPath: FAILURE_CONVERTER_PATH });
}
