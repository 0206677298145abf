import { join } from 'node:path';
import {
  bundleWorkflowCode,
  DefaultLogger,
  type BundleOptions,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { workspaceRoot } from '@passage/config';
import { FAILURE_CONVERTER_PATH } from './temporal-client';

/** The entry of the journey workflows (all life events share one interpreter). */
export function journeyWorkflowsPath(): string {
  return join(workspaceRoot(), 'workflows', 'journey', 'src', 'index.ts');
}

/**
 * Modules evaluated once per workflow thread and shared by every journey in it, instead of once per journey. Only
 * modules whose results never depend on module state qualify (ADR 0007): the journey model is pure functions and
 * constant machine definitions, and the contracts are constants (message definitions, search-attribute keys,
 * defaults). XState comes with the journey model (listing it would do nothing: webpack drops a bare `require` of a
 * package without side effects); its one counter only names the throw-away actors of `transition()`.
 */
export const SHARED_JOURNEY_MODULES: readonly string[] = ['@passage/journey-model', '@passage/contracts'];

/** Webpack aliases for the `@passage/*` projects, taken from tsconfig.base.json so that the sandbox sees the same code. */
function passageAliases(): Record<string, string> {
  const root = workspaceRoot();
  const { compilerOptions } = require(join(root, 'tsconfig.base.json')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`${alias}$`, join(root, target)]),
  );
}

type LoaderRule = { use?: { loader?: string; options?: { jsc?: Record<string, unknown> } } };
type WebpackConfig = { resolve?: { alias?: unknown; conditionNames?: string[] }; module?: { rules?: unknown[] } };

/** The workflow sandbox runs on the worker's Node (20+): no need to compile object spread and the like into helpers. */
const SANDBOX_TARGET = 'es2022';

/**
 * Temporal's workflow bundler configuration, adapted: the `@passage/*` aliases, and a lean bundle: packages resolve to their
 * production builds (the bundler runs webpack in development mode, which would pick libraries' development builds,
 * XState's checking every transition for mistakes a unit test already catches), and TypeScript compiles for the
 * Node version the sandbox runs on instead of ES2017.
 */
function forJourneySandbox<T extends WebpackConfig>(config: T): T {
  const alias = { ...(config.resolve?.alias as Record<string, string> | undefined), ...passageAliases() };
  const rules = config.module?.rules?.map((rule) => {
    const { use } = rule as LoaderRule;
    if (!use?.loader?.includes('swc-loader') || !use.options?.jsc) return rule;
    return {
      ...(rule as object),
      use: { ...use, options: { ...use.options, jsc: { ...use.options.jsc, target: SANDBOX_TARGET } } },
    };
  });
  return {
    ...config,
    resolve: {
      ...config.resolve,
      alias,
      conditionNames: ['webpack', 'production', 'browser', 'module', 'import', 'require'],
    },
    ...(rules && { module: { ...config.module, rules } }),
  };
}

/** How the journey workflows are bundled, wherever they are (production bundle, worker start-up, benchmark). */
export function journeyBundleOptions(): BundleOptions {
  return {
    workflowsPath: journeyWorkflowsPath(),
    webpackConfigHook: forJourneySandbox,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    preloadModules: [...SHARED_JOURNEY_MODULES],
    logger: new DefaultLogger('WARN'),
  };
}

/** Bundles the journey workflows once, for a worker to load (`workflowBundle`) instead of bundling at start-up. */
export function bundleJourneyWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode(journeyBundleOptions());
}
