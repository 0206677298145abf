import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleJourneyWorkflows, passageDataConverter } from '@passage/temporal';
import { TEST_PAYLOAD_KEYS } from '@passage/testing';

const HISTORIES = join(__dirname, 'histories');
const recorded = readdirSync(HISTORIES).filter((name) => name.endsWith('.json'));

/**
 * Every recorded journey (all modes, a rejection with compensation, a withdrawal, a failed and retried step, an
 * expired and a suspended statutory term, a term expiring after the agency accepted, a continue-as-new, a migration
 * to a newer version), recorded on several dates so that the paths behind each patch stay covered, replays against
 * today's workflow code without a non-determinism error or a failed workflow task. A change that breaks this needs a patch, not a new recording.
 */
describe('recorded journey histories replay on the current workflow code', () => {
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // installed by an earlier test file
    }
    bundle = await bundleJourneyWorkflows();
  });

  it('has histories for every kind of journey it must pin', () => {
    for (const kind of [
      'completed',
      'rejected',
      'withdrawn',
      'retried',
      'expired',
      'suspended',
      'continued-as-new',
      'migrated',
      'accepted',
    ]) {
      expect(recorded.some((name) => name.includes(kind))).toBe(true);
    }
  });

  it.each(recorded)('%s', async (name) => {
    const { workflowId, history } = JSON.parse(readFileSync(join(HISTORIES, name), 'utf8')) as {
      workflowId: string;
      history: unknown;
    };
    await Worker.runReplayHistory(
      { workflowBundle: bundle, dataConverter: passageDataConverter(TEST_PAYLOAD_KEYS), replayName: name },
      history,
      workflowId,
    );
  });
});
