import { describeFailure } from './failure';
import { DeliveryError } from './notification-message';

describe('describeFailure', () => {
  it('keeps what a transport said about its failure', () => {
    expect(describeFailure(new DeliveryError('e-counter answered HTTP 503', true, 5_000))).toEqual({
      reason: 'e-counter answered HTTP 503',
      retryable: true,
      retryAfterMs: 5_000,
    });
  });

  it('keeps only the code or the class of any other error: messages may carry personal data', () => {
    const driver = Object.assign(new Error('duplicate key (subject)=(alice@example.org)'), { code: 'ECONNRESET' });
    expect(describeFailure(driver)).toEqual({ reason: 'error ECONNRESET', retryable: true });
    expect(describeFailure(new TypeError('cannot read alice@example.org'))).toEqual({
      reason: 'unexpected TypeError',
      retryable: true,
    });
    expect(describeFailure('alice@example.org')).toEqual({ reason: 'unexpected unknown', retryable: true });
  });
});
