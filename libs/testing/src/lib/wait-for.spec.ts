import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first value the probe gives', async () => {
    let probes = 0;
    const value = await waitFor('the third probe', () => (++probes === 3 ? 'ready' : undefined), { intervalMs: 1 });
    expect({ value, probes }).toEqual({ value: 'ready', probes: 3 });
  });

  it('takes false and zero for answers: only undefined means not yet', async () => {
    expect(await waitFor('a falsy answer', () => 0)).toBe(0);
    expect(await waitFor('a falsy answer', async () => false)).toBe(false);
  });

  it('gives up after a bounded number of probes, naming what it waited for', async () => {
    let probes = 0;
    const waiting = waitFor('nothing', () => void probes++, { timeoutMs: 10, intervalMs: 1 });
    await expect(waiting).rejects.toThrow('timed out waiting until nothing');
    expect(probes).toBe(10);
  });
});
