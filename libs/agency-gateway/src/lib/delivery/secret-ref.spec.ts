import { resolveAgencySecret } from './secret-ref';

describe('agency secrets', () => {
  const secret = 'x'.repeat(40);

  it('reads env:PASSAGE_AGENCY_SECRET_<NAME> and nothing else', () => {
    expect(resolveAgencySecret('env:PASSAGE_AGENCY_SECRET_GEMEENTE', { PASSAGE_AGENCY_SECRET_GEMEENTE: secret })).toBe(
      secret,
    );
    expect(() => resolveAgencySecret('env:PASSAGE_JWT_SECRET', { PASSAGE_JWT_SECRET: secret })).toThrow(
      /not a known form: use env:PASSAGE_AGENCY_SECRET_<NAME>/,
    );
    expect(() => resolveAgencySecret('vault:agencies/gemeente', {})).toThrow(/not a known form/);
    expect(() => resolveAgencySecret('env:PASSAGE_AGENCY_SECRET_GEMEENTE', {})).toThrow(
      'PASSAGE_AGENCY_SECRET_GEMEENTE is not set',
    );
    expect(() =>
      resolveAgencySecret('env:PASSAGE_AGENCY_SECRET_GEMEENTE', { PASSAGE_AGENCY_SECRET_GEMEENTE: 'short' }),
    ).toThrow(/at least 32 characters/);
  });

  it('never quotes the secret in an error', () => {
    let message = '';
    try {
      resolveAgencySecret('env:PASSAGE_AGENCY_SECRET_GEMEENTE', { PASSAGE_AGENCY_SECRET_GEMEENTE: 'too-short-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/at least 32 characters/);
    expect(message).not.toContain('too-short-secret');
  });
});
