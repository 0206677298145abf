import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH, withPassageAliases } from '@passage/temporal';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The probe workflow, bundled once per process (bundling takes seconds; every run of the kit reuses it). */
export function probeWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('./probe.workflow'),
    webpackConfigHook: withPassageAliases,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: new DefaultLogger('WARN'),
  }).catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}
