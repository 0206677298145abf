import { setTimeout as sleep } from 'node:timers/promises';
import { errorLabel, Poller } from './poller';

describe('Poller', () => {
  afterEach(() => jest.restoreAllMocks());

  it('runs now, then again after each run ends, never two at once, and stop() waits for the run under way', async () => {
    let running = 0;
    let overlapped = false;
    let runs = 0;
    const poller = new Poller('test', 5, async () => {
      running += 1;
      overlapped ||= running > 1;
      await sleep(20);
      runs += 1;
      running -= 1;
    });
    poller.start();
    poller.start();
    for (let i = 0; i < 100 && runs < 3; i++) await sleep(10);
    await poller.stop();
    const stoppedAt = runs;
    await sleep(50);
    expect(stoppedAt).toBeGreaterThanOrEqual(3);
    expect(runs).toBe(stoppedAt);
    expect(running).toBe(0);
    expect(overlapped).toBe(false);
  });

  it('logs a failing run by its label, never its message, and goes on', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let runs = 0;
    const poller = new Poller('test', 1, async () => {
      runs += 1;
      if (runs === 1) throw Object.assign(new Error('password=secret'), { code: '28P01' });
    });
    poller.start();
    for (let i = 0; i < 100 && runs < 2; i++) await sleep(5);
    await poller.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(logged).toHaveBeenCalledWith('passage test: run failed (error 28P01)');
    expect(JSON.stringify(logged.mock.calls)).not.toContain('secret');
  });

  it('labels an error by code or class name only', () => {
    expect(errorLabel(new TypeError('x'))).toBe('unexpected TypeError');
    expect(errorLabel({ code: 'ECONNREFUSED' })).toBe('error ECONNREFUSED');
    expect(errorLabel('text')).toBe('unexpected unknown');
  });
});
