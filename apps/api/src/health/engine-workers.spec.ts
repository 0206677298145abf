import { msToTs } from '@temporalio/common/lib/time';
import { judgeEngineWorkers, LIVE_POLLER_MS } from './engine-workers';

const NOW = Date.parse('2026-12-08T10:00:00Z');
const poller = (identity: string, secondsAgo: number) => ({
  identity,
  lastAccessTime: msToTs(NOW - secondsAgo * 1000),
});

describe('judgeEngineWorkers', () => {
  it('is down when no worker ever polled the engine queue', () => {
    expect(judgeEngineWorkers({ workflow: [], activity: [] }, NOW)).toEqual({
      status: 'down',
      taskQueue: 'passage-engine',
      workflowPollers: 0,
      activityPollers: 0,
    });
  });

  it('is up while a worker polls for workflow tasks and activities, even one a minute into its long poll', () => {
    const worker = [poller('101@host-a', 60)];
    expect(judgeEngineWorkers({ workflow: worker, activity: worker }, NOW)).toEqual({
      status: 'up',
      taskQueue: 'passage-engine',
      workflowPollers: 1,
      activityPollers: 1,
      lastPollSecondsAgo: 60,
    });
  });

  it('no longer counts a worker whose last poll is older than a long poll (it died), but says when it was seen', () => {
    const dead = [poller('101@host-a', LIVE_POLLER_MS / 1000 + 1)];
    expect(judgeEngineWorkers({ workflow: dead, activity: dead }, NOW)).toMatchObject({
      status: 'down',
      workflowPollers: 0,
      activityPollers: 0,
      lastPollSecondsAgo: 76,
    });
  });

  it('needs both kinds of poller: journeys without their projection do not progress', () => {
    expect(judgeEngineWorkers({ workflow: [poller('101@host-a', 1)], activity: [] }, NOW).status).toBe('down');
    expect(judgeEngineWorkers({ workflow: [], activity: [poller('101@host-a', 1)] }, NOW).status).toBe('down');
  });

  it('counts workers by identity, live ones only', () => {
    const workflow = [
      poller('101@host-a', 2),
      poller('101@host-a', 5),
      poller('202@host-b', 3),
      poller('303@host-c', 300),
    ];
    expect(judgeEngineWorkers({ workflow, activity: workflow }, NOW)).toMatchObject({
      status: 'up',
      workflowPollers: 2,
      activityPollers: 2,
      lastPollSecondsAgo: 2,
    });
  });
});
