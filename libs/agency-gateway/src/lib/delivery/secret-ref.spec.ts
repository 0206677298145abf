import { resolveAgencySecret } from './secret-ref';
import { webhookUrlPolicyProblem } from './webhook-url-policy';

describe('agency secrets and webhook URLs', () => {
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

  it('allows https everywhere, http only to a loopback address outside production', () => {
    expect(webhookUrlPolicyProblem('https://gemeente.example/passage', 'production')).toBeUndefined();
    expect(webhookUrlPolicyProblem('http://127.0.0.1:8080/hook', 'development')).toBeUndefined();
    expect(webhookUrlPolicyProblem('http://[::1]:8080/hook', 'test')).toBeUndefined();
    expect(webhookUrlPolicyProblem('http://127.0.0.1:8080/hook', 'production')).toBe(
      'must be an https URL in production',
    );
    expect(webhookUrlPolicyProblem('http://gemeente.example/hook', 'development')).toMatch(/http only to 127.0.0.1/);
    expect(webhookUrlPolicyProblem('http://localhost/hook', 'development')).toMatch(/http only to 127.0.0.1/);
    expect(webhookUrlPolicyProblem('https://user:pw@gemeente.example/', 'production')).toMatch(/credentials/);
    expect(webhookUrlPolicyProblem('ftp://gemeente.example/', 'development')).toBe('must be an https URL');
  });
});
