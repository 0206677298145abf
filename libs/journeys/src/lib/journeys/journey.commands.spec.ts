import { PassageError } from '@passage/contracts';
import { createCommand } from '@passage/validation';
import { GrantMandateCommand } from '../mandates/mandate.commands';
import { ProvideInputsCommand, StartJourneyCommand, WithdrawJourneyCommand } from './journey.commands';

function failure(run: () => unknown): { code: string; path?: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof PassageError) return { code: error.code, path: error.path, message: error.message };
    throw error;
  }
  throw new Error('expected a PassageError');
}

describe('commands validate themselves (the same rules for the API and the CLI)', () => {
  it('builds a valid command', () => {
    const command = createCommand(StartJourneyCommand, {
      lifeEvent: 'start-business',
      intake: { 'business.legalForm': 'sole-trader' },
      language: 'fr',
    });
    expect(command).toBeInstanceOf(StartJourneyCommand);
    expect(command.intake).toEqual({ 'business.legalForm': 'sole-trader' });
  });

  it.each([
    [{ lifeEvent: 'Start Business', intake: {} }, 'lifeEvent'],
    [{ lifeEvent: 'start-business', intake: { 'business.legalForm': { nested: true } } }, 'intake.business.legalForm'],
    [{ lifeEvent: 'start-business', intake: {}, channel: 'fax' }, 'channel'],
    [{ lifeEvent: 'start-business', intake: {}, language: null }, 'language'],
    [{ lifeEvent: 'start-business', intake: {}, extra: 1 }, 'extra'],
  ])('refuses %j at %s', (input, path) => {
    expect(failure(() => createCommand(StartJourneyCommand, input))).toMatchObject({ code: 'invalid-request', path });
  });

  it('refuses prototype keys anywhere, and a body that is not an object', () => {
    expect(failure(() => createCommand(ProvideInputsCommand, JSON.parse('{"items":{"__proto__":{"x":1}}}'))).code).toBe(
      'invalid-request',
    );
    expect(failure(() => createCommand(WithdrawJourneyCommand, [])).message).toBe('the body must be a JSON object');
  });

  it('points at the failing element of a list', () => {
    const input = {
      intermediary: 'acc-1',
      lifeEvents: ['start-business', 'Not An Id'],
      validUntil: '2027-01-01T00:00:00Z',
    };
    expect(failure(() => createCommand(GrantMandateCommand, input))).toMatchObject({ path: 'lifeEvents[1]' });
  });
});
