import { CommanderError } from 'commander';
import { parseOptions, shareRules } from './options';

describe('options', () => {
  it('has the defaults of a demo', () => {
    expect(parseOptions([])).toMatchObject({
      secondsPerDay: 0.2,
      seed: 1,
      rejectShare: 0.03,
      infoShare: 0.08,
      share: [],
      maxHoldSeconds: 10,
      pollSeconds: 1,
      idlePollSeconds: 8,
      webhookPort: 0,
      inbox: true,
    });
    expect(parseOptions([]).ledgerUrl).toBeUndefined();
  });

  it('leaves the inbox to someone else, and records executions, when told', () => {
    expect(parseOptions(['--inbox', 'off', '--ledger-url', 'postgres://127.0.0.1/x'])).toMatchObject({
      inbox: false,
      ledgerUrl: 'postgres://127.0.0.1/x',
    });
    const silent = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => parseOptions(['--inbox', 'maybe'])).toThrow(CommanderError);
    } finally {
      silent.mockRestore();
    }
  });

  it('reads rules of agencies and services', () => {
    expect(
      parseOptions(['--share', 'gemeente/drinks-licence=0.05,0.3;favv=0,0.2', '--share', 'rva=0.1,0']).share,
    ).toEqual([
      { agency: 'gemeente', service: 'drinks-licence', reject: 0.05, info: 0.3 },
      { agency: 'favv', reject: 0, info: 0.2 },
      { agency: 'rva', reject: 0.1, info: 0 },
    ]);
  });

  it('refuses shares that are not shares, or add up to more than 1', () => {
    expect(() => shareRules('favv=1.5,0')).toThrow(/between 0 and 1/);
    expect(() => shareRules('favv=0.6,0.6')).toThrow(/more than 1/);
    expect(() => shareRules('FAVV=0,0')).toThrow(/agency\[\/service\]/);
    const silent = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => parseOptions(['--reject-share', '0.7', '--info-share', '0.5'])).toThrow(CommanderError);
      expect(() => parseOptions(['--seconds-per-day', '0'])).toThrow(CommanderError);
    } finally {
      silent.mockRestore();
    }
  });
});
