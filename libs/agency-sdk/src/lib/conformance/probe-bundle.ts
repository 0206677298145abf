import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { journeyBundleOptions } from '@passage/temporal';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The probe workflow, bundled once per process (bundling takes seconds; every run of the kit reuses it). */
export function probeWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    ...journeyBundleOptions(),
    workflowsPath: require.resolve('./probe.workflow'),
    preloadModules: [],
  }).catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}
