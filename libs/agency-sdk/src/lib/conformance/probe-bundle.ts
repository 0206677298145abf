import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { withPassageAliases } from '@passage/temporal';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The probe workflow, bundled once per process (bundling takes seconds; every run of the kit reuses it). */
export function probeWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('./probe.workflow'),
    webpackConfigHook: withPassageAliases,
    logger: new DefaultLogger('WARN'),
  }).catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}
