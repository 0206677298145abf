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

  it.each([
    [WithdrawJourneyCommand, { reason: 'stop\u0000now' }, 'reason'],
    [WithdrawJourneyCommand, { reason: 'lone \uD800' }, 'reason'],
    [WithdrawJourneyCommand, { reason: 'c1 \u009b' }, 'reason'],
    [ProvideInputsCommand, { items: { 'business.iban': 'BE68\u0000' } }, 'items.business.iban'],
    [ProvideInputsCommand, { items: { 'business.iban': 'BE68\n5390' } }, 'items.business.iban'],
    [
      StartJourneyCommand,
      { lifeEvent: 'start-business', intake: { 'business.tradeName': 'Caf\u0007' } },
      'intake.business.tradeName',
    ],
    [StartJourneyCommand, { lifeEvent: 'start-business', intake: { 'x\u0000y': 1 } }, 'intake'],
  ])('%p refuses control characters and broken Unicode in %j at its path', (type, input, path) => {
    expect(failure(() => createCommand(type as never, input))).toMatchObject({ code: 'invalid-request', path });
  });

  it('allows line breaks and tabs only in text meant to span lines (a reason)', () => {
    expect(createCommand(WithdrawJourneyCommand, { reason: 'moved\r\n\tabroad' }).reason).toBe('moved\r\n\tabroad');
  });
});
