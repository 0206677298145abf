import { LaterDecisions } from './later-decisions';

describe('later decisions', () => {
  it('sends each decision once at its time, and the waiting ones at once on stop', async () => {
    const sent: string[] = [];
    const later = new LaterDecisions({ maxPending: 10, attempts: 1, onFailure: () => undefined });
    expect(later.schedule('a', 'a', 10, async () => void sent.push('a'))).toBe(true);
    expect(later.schedule('a', 'a', 10, async () => void sent.push('a again'))).toBe(true);
    later.schedule('b', 'b', 60_000, async () => void sent.push('b'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual(['a']);
    await later.stop();
    expect(sent).toEqual(['a', 'b']);
    expect(later.schedule('c', 'c', 10, async () => void sent.push('c'))).toBe(false);
  });

  it('keeps at most maxPending waiting, and reports a decision it could not deliver', async () => {
    const failures: string[] = [];
    const later = new LaterDecisions({ maxPending: 1, attempts: 2, onFailure: (key) => failures.push(key) });
    expect(later.schedule('a', 'agency a', 0, () => Promise.reject(new Error('Passage is down')))).toBe(true);
    expect(later.schedule('b', 'b', 0, async () => undefined)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(failures).toEqual(['agency a']);
    await later.stop();
  });
});
