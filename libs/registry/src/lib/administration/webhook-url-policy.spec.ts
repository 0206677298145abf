import { webhookUrlPolicyProblem } from './webhook-url-policy';

describe('webhook URLs', () => {
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
