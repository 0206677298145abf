import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';

export function registerBundleCommand(program: Command): void {
  program
    .command('bundle')
    .description(
      'write the journey workflows as one prebuilt bundle, which a worker loads from PASSAGE_WORKFLOW_BUNDLE instead of bundling at start-up',
    )
    .requiredOption('--out <file>', 'where to write the bundle (a .js file)')
    .action(async (options: { out: string }) => {
      // Loaded here: the bundler (webpack) takes a while to load, and only this command needs it.
      const { bundleJourneyWorkflows } = await import('@passage/temporal');
      const { code } = await bundleJourneyWorkflows();
      const out = resolve(options.out);
      mkdirSync(dirname(out), { recursive: true });
      // Written beside and renamed into place, so that a worker starting meanwhile never reads half a bundle.
      const partial = `${out}.${process.pid}.partial`;
      writeFileSync(partial, code);
      renameSync(partial, out);
      console.log(`passage bundle: ${out} (${Math.ceil(Buffer.byteLength(code) / 1024)} KiB)`);
    });
}
